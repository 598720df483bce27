import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../api/client.ts';
import { useLang } from '../i18n/useLang.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="tr-loading">
      {label ?? t('common.loading')}
    </Paragraph>
  );
}

/** Shows a problem from the API in the UI language; optionally takes focus so it is read out. */
export function ProblemAlert({ error, focus = true, headingLevel = 2, onRetry, children }: {
  error: unknown;
  focus?: boolean;
  headingLevel?: 2 | 3 | 4;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, error]);
  const text =
    error instanceof ApiError
      ? problemText(error.problem, lang)
      : { title: t('errors.unexpectedTitle'), detail: t('errors.unexpectedDetail') };
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  return (
    <Alert ref={ref} tabIndex={-1} severity="error" heading={text.title} headingLevel={headingLevel} className="tr-alert">
      <Paragraph>{text.detail}</Paragraph>
      {requestId && (
        <Paragraph size="small">
          {t('errors.reference', { id: requestId })}
        </Paragraph>
      )}
      {children}
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} className="tr-alert-action">
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
