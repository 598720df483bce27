/**
 * Consent (omslagroute.md §8): record written consent per purpose (PB-1 … PB-8; people see the
 * purposes' names, the codes only in a help disclosure) with the six
 * items that were explained (R-OR-83) and the retention told (R-OR-92); withdraw it (R-OR-93).
 * In P0, recording consent also records the step "Toestemming gegeven" (consent_given), in the same transaction.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Button, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { CONSENT_EXPLANATION_ITEMS, PURPOSE_LABELS, SHARING_PURPOSES } from '../../../../domain/privacy/visibility.ts';
import { api } from '../../../api/client.ts';
import type { Consent, Trajectory } from '../../../api/types.ts';
import { CheckboxField, ErrorSummary, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../../components/ConflictAlert.tsx';
import { ProblemAlert } from '../../../components/status.tsx';
import { TableScroll } from '../../../components/TableScroll.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { useLang } from '../../../i18n/useLang.ts';
import { CheckboxGroupField, DateField, StatusText, today, useDate, type CaseAbilities } from '../common.tsx';

export function ConsentSection({ trajectory: tr, consents, abilities, onChanged }: { trajectory: Trajectory; consents: Consent[]; abilities: CaseAbilities; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const announce = useAnnounce();
  const [adding, setAdding] = useState(consents.length === 0);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const mayRecord = abilities.active && abilities.can('consent.record');
  const mayWithdraw = abilities.active && abilities.can('consent.withdraw');

  const withdraw = (c: Consent) =>
    run(async () => {
      setProblem(null);
      try {
        await api.post(`/consents/${c.id}/withdraw`, {}, { ifMatch: c.version });
        announce(t('consent.withdrawn'));
        setWithdrawing(null);
        await onChanged();
      } catch (err) {
        setProblem(err);
      }
    });

  return (
    <>
      {problem !== null &&
        (isConflict(problem) ? (
          <ConflictAlert error={problem} onLoadLatest={() => { setProblem(null); void onChanged(); }} />
        ) : (
          <ProblemAlert error={problem} headingLevel={3} />
        ))}
      {consents.length === 0 ? (
        <Paragraph>{t('consent.none')}</Paragraph>
      ) : (
        <TableScroll label={t('consent.caption')}>
          <Table className="tr-table" data-testid="consents-table">
            <Table.Caption className="ams-visually-hidden">{t('consent.caption')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('consent.givenOn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consent.purposes')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consent.explainedBy')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consent.status')}</Table.HeaderCell>
                {mayWithdraw && <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {consents.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell className="tr-nowrap">{date(c.givenOn)}</Table.Cell>
                  <Table.Cell>
                    <ul className="tr-plain-list">
                      {c.purposes.map((p) => (
                        <li key={p.id} data-purpose={p.id}>
                          {p[lang]}
                        </li>
                      ))}
                    </ul>
                    <span className="tr-cell-line tr-muted">{t('consent.retentionText', { retention: c.retention })}</span>
                  </Table.Cell>
                  <Table.Cell>{c.explainedBy ?? '—'}</Table.Cell>
                  <Table.Cell>{c.active ? <StatusText tone="ok">{t('consent.active')}</StatusText> : <StatusText tone="muted">{t('consent.withdrawnOn', { date: date(c.withdrawnOn) })}</StatusText>}</Table.Cell>
                  {mayWithdraw && (
                    <Table.Cell>
                      {c.active ? (
                        <Button variant="tertiary" className="tr-small-button" onClick={() => setWithdrawing(c)}>
                          {t('consent.withdraw')}
                          <span className="ams-visually-hidden"> {t('consent.ofDate', { date: date(c.givenOn) })}</span>
                        </Button>
                      ) : (
                        '—'
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {withdrawing && (
        <Alert severity="warning" heading={t('consent.withdrawHeading')} headingLevel={3} className="tr-alert">
          <Paragraph>{t('consent.withdrawDetail')}</Paragraph>
          <ActionGroup className="tr-alert-action">
            <Button onClick={() => void withdraw(withdrawing)} disabled={pending}>
              {t('consent.withdrawYes')}
            </Button>
            <Button variant="secondary" onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </Button>
          </ActionGroup>
        </Alert>
      )}
      {mayRecord && !adding && (
        <Row>
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('consent.add')}
          </Button>
        </Row>
      )}
      {mayRecord && adding && <ConsentForm trajectory={tr} onCancel={consents.length ? () => setAdding(false) : undefined} onSaved={async () => { setAdding(false); await onChanged(); }} />}
    </>
  );
}

function ConsentForm({ trajectory: tr, onSaved, onCancel }: { trajectory: Trajectory; onSaved: () => Promise<void> | void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [givenOn, setGivenOn] = useState(today());
  const [purposes, setPurposes] = useState<string[]>([]);
  const [explained, setExplained] = useState<string[]>([]);
  const [retention, setRetention] = useState('');
  const [alsoStep, setAlsoStep] = useState(tr.phase === 'P0_consent');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const labels = { givenOn: t('consent.givenOn'), purposes: t('consent.purposes'), explainedItems: t('consent.explainedItems'), retention: t('consent.retention') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!givenOn) local.givenOn = msg('form.required');
    if (purposes.length === 0) local.purposes = msg('consent.choosePurpose');
    if (explained.length < CONSENT_EXPLANATION_ITEMS.length) local.explainedItems = msg('consent.explainAll');
    if (retention.trim().length < 3) local.retention = msg('consent.retentionRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        // The consent and its route step are saved together, or neither is (one transaction on the server).
        await api.post<Consent>(`/clients/${tr.clientId}/consents`, {
          purposes, givenOn, explainedItems: explained, retention: retention.trim(), ...(alsoStep ? { recordStep: { trajectoryVersion: tr.version } } : {}),
        });
        announce(t('consent.saved'));
        await onSaved();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby="consent-form-heading" data-testid="consent-form">
      <Heading level={3} size="level-4" id="consent-form-heading">
        {t('consent.formHeading')}
      </Heading>
      <Paragraph size="small">{t('consent.formIntro')}</Paragraph>
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form="consent" errors={errors} labels={labels} attempt={attempt} />
      <DateField form="consent" name="givenOn" label={labels.givenOn} value={givenOn} onChange={setGivenOn} error={errors.givenOn} max={today()} />
      <CheckboxGroupField
        form="consent"
        name="purposes"
        label={labels.purposes}
        hint={t('consent.purposesHint')}
        values={purposes}
        onChange={setPurposes}
        error={errors.purposes}
        choices={SHARING_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p][lang] }))}
      />
      <PurposeCodesHelp />
      <CheckboxGroupField
        form="consent"
        name="explainedItems"
        label={labels.explainedItems}
        hint={t('consent.explainedHint')}
        values={explained}
        onChange={setExplained}
        error={errors.explainedItems}
        choices={CONSENT_EXPLANATION_ITEMS.map((i) => ({ value: i, label: t(`consent.items.${i}`) }))}
      />
      <TextField form="consent" name="retention" label={labels.retention} hint={t('consent.retentionHint')} value={retention} onChange={setRetention} error={errors.retention} />
      {tr.phase === 'P0_consent' && <CheckboxField form="consent" name="alsoStep" label={t('consent.alsoStep')} checked={alsoStep} onChange={setAlsoStep} />}
      <ActionGroup>
        <Button type="submit" disabled={pending}>
          {t('consent.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </ActionGroup>
    </form>
  );
}

/** The purposes' codes (used in agreements and forms), only inside a help disclosure. */
export function PurposeCodesHelp() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <details className="tr-details tr-help-disclosure" data-testid="purpose-codes-help">
      <summary>{t('casepage.consent.codesHelp')}</summary>
      <Paragraph size="small">{t('casepage.consent.codesHelpIntro')}</Paragraph>
      <ul className="tr-plain-list">
        {SHARING_PURPOSES.map((p) => (
          <li key={p}>{t('casepage.consent.codeLine', { code: p, name: PURPOSE_LABELS[p][lang] })}</li>
        ))}
      </ul>
    </details>
  );
}
