import { useEffect, type ReactNode } from 'react';
import { Heading } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';

/** Sets document.title for the current page: "<page> – Thuisroute". */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    const app = t('app.name');
    document.title = title ? `${title} – ${app}` : app;
  }, [title, t]);
}

/**
 * The page's one h1. It can take focus (tabIndex -1): after client-side navigation the
 * layout moves focus here so screen readers announce the new page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  useDocumentTitle(title ?? (typeof children === 'string' ? children : ''));
  return (
    <Heading level={1} id="page-heading" tabIndex={-1} className="tr-page-heading">
      {children}
    </Heading>
  );
}
