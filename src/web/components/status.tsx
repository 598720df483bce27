import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../api/client.ts';
import { useLang } from '../i18n/useLang.ts';
import { useOptionalSession } from '../session/SessionContext.tsx';

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
  // A case of the user's work for another organisation: offer to switch to it (the server names it).
  const switchTo = error instanceof ApiError && error.status === 403 ? error.problem.switchTo : undefined;
  return (
    <Alert ref={ref} tabIndex={-1} severity="error" heading={text.title} headingLevel={headingLevel} className="tr-alert">
      <Paragraph>{text.detail}</Paragraph>
      {requestId && (
        <Paragraph size="small">
          {t('errors.reference', { id: requestId })}
        </Paragraph>
      )}
      {switchTo && <SwitchOffer target={switchTo} />}
      {children}
      {onRetry && !switchTo && (
        <Button variant="secondary" onClick={onRetry} className="tr-alert-action">
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** "Dit dossier hoort bij uw werk voor <organisatie>. [Wissel naar <organisatie>]" */
function SwitchOffer({ target }: { target: { membershipId: string; organisationName: string } }) {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  if (!session?.session?.memberships.some((m) => m.id === target.membershipId)) return null;
  const organisation = target.organisationName;
  const go = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await session.switchMembership(target.membershipId);
      // Every part of the page was refused for the other organisation: load it again as the new one.
      window.location.reload();
    } catch (err) {
      setFailed(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Paragraph data-testid="switch-offer">{t('home.switch.belongsTo', { organisation })}</Paragraph>
      <Button variant="primary" onClick={() => void go()} disabled={busy} className="tr-alert-action">
        {t('home.switch.button', { organisation })}
      </Button>
      {failed !== null && <Paragraph>{t('errors.unexpectedDetail')}</Paragraph>}
    </>
  );
}
