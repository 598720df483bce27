import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Button, Paragraph } from '@amsterdam/design-system-react';
import { ApiError, problemText } from '../api/client.ts';
import { useLang } from '../i18n/useLang.ts';

/**
 * 412 Precondition Failed: someone else saved a newer version. The user's input stays in
 * the form; they choose to load the newest version (dropping their input) or to keep their
 * input on top of the newest version and save again.
 */
export function ConflictAlert({ error, onLoadLatest, onKeepMine }: { error: unknown; onLoadLatest: () => void; onKeepMine?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  const title = error instanceof ApiError ? problemText(error.problem, lang).title : t('conflict.heading');
  return (
    <Alert ref={ref} tabIndex={-1} severity="warning" heading={title} headingLevel={2} className="tr-alert" data-testid="conflict">
      <Paragraph>{t('conflict.detail')}</Paragraph>
      <ActionGroup className="tr-alert-action">
        {onKeepMine && (
          <Button variant="primary" onClick={onKeepMine}>
            {t('conflict.keepMine')}
          </Button>
        )}
        <Button variant="secondary" onClick={onLoadLatest}>
          {t('conflict.loadLatest')}
        </Button>
      </ActionGroup>
    </Alert>
  );
}

export const isConflict = (err: unknown) => err instanceof ApiError && err.status === 412;
