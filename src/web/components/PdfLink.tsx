/**
 * A link to a PDF the server renders: it opens in a new tab (the server sends it inline, under a
 * Dutch file name for saving), and says so in visible text that is part of the link's name
 * ("(opent in nieuw tabblad)"), so nobody is surprised by the new tab (WCAG 3.2.5, G201).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '@amsterdam/design-system-react';

export function PdfLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Link href={href} target="_blank" rel="noopener" data-testid={testId}>
      {children} <span className="tr-new-tab">{t('shell.newTab')}</span>
    </Link>
  );
}
