import { useTranslation } from 'react-i18next';
import { Column, Paragraph, StandaloneLink } from '@amsterdam/design-system-react';
import { PageHeading } from '../components/PageHeading.tsx';
import { RouterLink } from '../components/RouterLink.tsx';
import { useSession } from '../session/SessionContext.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <Column gap="large" className="tr-narrow">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph size="large">{t('notFound.intro')}</Paragraph>
      <Paragraph>{t('notFound.detail')}</Paragraph>
      <StandaloneLink href={session ? '/' : '/inloggen'} linkComponent={RouterLink}>
        {session ? t('common.toHome') : t('notFound.toLogin')}
      </StandaloneLink>
    </Column>
  );
}
