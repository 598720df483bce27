import { useEffect, useRef, type ReactNode } from 'react';
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

/** Set when navigation happened while the new page's code was still loading (no h1 to focus yet). */
let headingFocusPending = false;
export function requestHeadingFocus() {
  headingFocusPending = true;
}

/**
 * The page's one h1. It can take focus (tabIndex -1): after client-side navigation the
 * layout moves focus here so screen readers announce the new page.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  useDocumentTitle(title ?? (typeof children === 'string' ? children : ''));
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!headingFocusPending) return;
    headingFocusPending = false;
    // Only when focus is still where the layout put it (main or nowhere): never steal it from the user.
    const active = document.activeElement;
    if (!active || active === document.body || active.tagName === 'MAIN') ref.current?.focus();
  }, []);
  return (
    <Heading ref={ref} level={1} id="page-heading" tabIndex={-1} className="tr-page-heading">
      {children}
    </Heading>
  );
}
