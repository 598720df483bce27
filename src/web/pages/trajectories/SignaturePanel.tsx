/**
 * Three-party sign-off (R-OR-38, R-OR-50): per party who signed which version, stale signatures
 * marked; the parties this user may sign for. The care worker signs as care provider and records
 * the client's signature on the client's behalf; the corporation contact signs for the corporation.
 */
import { useRef, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { METHOD_LABELS, PARTY_LABELS, type SignatureMethod } from '../../../domain/forms/signatures.ts';
import type { SignatureParty } from '../../../domain/forms/model.ts';
import { TRANSITIONS } from '../../../domain/trajectories/transitions.ts';
import type { EventType } from '../../../domain/trajectories/model.ts';
import { api } from '../../api/client.ts';
import type { FormView } from '../../api/types.ts';
import { ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useSession } from '../../session/SessionContext.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { DateField, StatusText, today, useDate, violationsOf } from './common.tsx';

const ON_BEHALF: SignatureMethod[] = ['on_behalf_in_person', 'on_behalf_written', 'on_behalf_digital'];

function partiesFor(viewer: FormView['viewer']): SignatureParty[] {
  if (viewer === 'care_provider') return ['care_provider', 'client'];
  if (viewer === 'corporation') return ['corporation'];
  return [];
}

export function SignaturePanel({ form, onSigned, onReload }: { form: FormView; onSigned: (v: FormView) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const sig = form.signatures!;
  const finalRef = useRef<HTMLDivElement>(null);
  const [justFinal, setJustFinal] = useState(false);
  // The route step the final form recorded (F-1, F-2, F-4), as the signing response reports it.
  const [automatic, setAutomatic] = useState<FormView['automaticEvent']>(null);
  const stepLabel = automatic && automatic.type in TRANSITIONS ? TRANSITIONS[automatic.type as EventType].label[lang] : null;
  useEffect(() => {
    if (justFinal) finalRef.current?.focus();
  }, [justFinal]);
  const mine = partiesFor(form.viewer).filter((p) => sig.parties.includes(p) && sig.missing.includes(p));
  const signable = form.status !== 'draft' && mine.length > 0;

  return (
    <section aria-labelledby="signatures-heading" className="tr-form-section" id="ondertekening" data-testid="signature-panel">
      <Heading level={2} size="level-3" id="signatures-heading">
        {t('signatures.heading')}
      </Heading>
      {sig.final ? (
        <Alert ref={finalRef} tabIndex={-1} severity="success" heading={t('signatures.finalHeading')} headingLevel={3} className="tr-alert" data-testid="form-final">
          <Paragraph>{t('signatures.finalDetail', { version: form.version })}</Paragraph>
          {automatic && stepLabel && (
            <Paragraph data-testid="form-final-step">{t(automatic.recorded ? 'signatures.stepRecorded' : 'signatures.stepNotRecorded', { step: stepLabel })}</Paragraph>
          )}
        </Alert>
      ) : (
        <Paragraph>{form.status === 'draft' ? t('signatures.draft') : t('signatures.intro', { version: form.version })}</Paragraph>
      )}
      <TableScroll label={t('signatures.caption')}>
        <Table className="tr-table">
          <Table.Caption className="ams-visually-hidden">{t('signatures.caption')}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('signatures.party')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('signatures.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('signatures.details')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(sig.parties as SignatureParty[]).map((p) => {
              const valid = sig.valid.find((s) => s.party === p);
              const stale = sig.stale.filter((s) => s.party === p);
              return (
                <Table.Row key={p} data-party={p}>
                  <Table.Cell>{PARTY_LABELS[p][lang]}</Table.Cell>
                  <Table.Cell>{valid ? <StatusText tone="ok">{t('signatures.signed')}</StatusText> : <StatusText tone="warn">{t('signatures.notSigned')}</StatusText>}</Table.Cell>
                  <Table.Cell>
                    {valid && (
                      <span className="tr-cell-line">
                        {t('signatures.signedLine', { name: valid.function ? `${valid.name} (${valid.function})` : valid.name, date: date(valid.signedOn), version: valid.formVersion })}
                        <span className="tr-cell-line tr-muted">
                          {METHOD_LABELS[valid.method as SignatureMethod]?.[lang] ?? valid.method}
                          {valid.recordedBy && ` — ${t('signatures.recordedBy', { name: valid.recordedBy })}`}
                        </span>
                      </span>
                    )}
                    {stale.map((s) => (
                      <span key={s.id} className="tr-cell-line">
                        <StatusText tone="muted">{t('signatures.stale')}</StatusText> {t('signatures.staleLine', { name: s.name, date: date(s.signedOn), version: s.formVersion })}
                      </span>
                    ))}
                    {!valid && stale.length === 0 && <span className="tr-muted">—</span>}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
      {signable &&
        mine.map((p) => (
          <SignForm
            key={`${p}-${form.version}`}
            form={form}
            party={p}
            onReload={onReload}
            onSigned={(v) => {
              onSigned(v);
              if (v.signatures?.final) {
                setAutomatic(v.automaticEvent ?? null);
                setJustFinal(true);
              }
            }}
          />
        ))}
    </section>
  );
}

function SignForm({ form, party, onSigned, onReload }: { form: FormView; party: SignatureParty; onSigned: (v: FormView) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { session } = useSession();
  const prefix = form.kind === 'F-1' ? 'S' : 'E';
  const clientName = typeof form.data[`${prefix}-01`] === 'string' ? (form.data[`${prefix}-01`] as string) : '';
  const [name, setName] = useState(party === 'client' ? clientName : (session?.user.name ?? ''));
  const [fn, setFn] = useState('');
  const [signedOn, setSignedOn] = useState(today());
  const [method, setMethod] = useState<SignatureMethod>(party === 'client' ? 'on_behalf_in_person' : 'own_account');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const f = `sign-${party}`;
  const needsFunction = party !== 'client';
  const labels = { name: t('signatures.name'), function: t('signatures.function'), signedOn: t('signatures.signedOn'), method: t('signatures.method') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!name.trim()) local.name = msg('form.required');
    if (needsFunction && !fn.trim()) local.function = msg('signatures.functionRequired');
    if (!signedOn) local.signedOn = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const body = { party, name: name.trim(), function: needsFunction ? fn.trim() : null, signedOn, method, ...(form.contentHash ? { contentHash: form.contentHash } : {}) };
        const r = await api.post<FormView>(`/forms/${form.id}/signatures`, body, { ifMatch: form.version });
        announce(r.data.signatures?.final ? t('signatures.becameFinal') : t('signatures.recorded', { party: PARTY_LABELS[party][lang] }));
        onSigned(r.data);
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
      }
    });
  };
  const refusals = violationsOf(problem);
  return (
    <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby={`${f}-heading`} data-testid={`sign-${party}`}>
      <Heading level={3} size="level-4" id={`${f}-heading`}>
        {party === 'client' ? t('signatures.signForClient') : t('signatures.signAs', { party: PARTY_LABELS[party][lang] })}
      </Heading>
      <Paragraph size="small">{party === 'client' ? t('signatures.clientHint', { version: form.version }) : t('signatures.ownHint', { version: form.version })}</Paragraph>
      {problem !== null &&
        (isConflict(problem) || (problem as { status?: number }).status === 409 ? (
          <ConflictAlert error={problem} onLoadLatest={() => { setProblem(null); onReload(); }} />
        ) : (
          <ProblemAlert error={problem} headingLevel={3}>
            {refusals.length > 0 && (
              <ul>
                {refusals.map((r, i) => (
                  <li key={i}>
                    {r[lang]}
                    {r.rule && ` (${r.rule})`}
                  </li>
                ))}
              </ul>
            )}
          </ProblemAlert>
        ))}
      <ErrorSummary form={f} errors={errors} labels={labels} attempt={attempt} />
      <TextField form={f} name="name" label={party === 'client' ? t('signatures.clientName') : labels.name} value={name} onChange={setName} error={errors.name} />
      {needsFunction && <TextField form={f} name="function" label={labels.function} hint={t('signatures.functionHint')} value={fn} onChange={setFn} error={errors.function} />}
      <DateField form={f} name="signedOn" label={labels.signedOn} value={signedOn} onChange={setSignedOn} error={errors.signedOn} max={today()} />
      {party === 'client' && (
        <SelectField form={f} name="method" label={labels.method} value={method} onChange={(v) => setMethod(v as SignatureMethod)} options={ON_BEHALF.map((m) => ({ value: m, label: METHOD_LABELS[m][lang] }))} />
      )}
      <Button type="submit" disabled={pending}>
        {party === 'client' ? t('signatures.submitClient') : t('signatures.submit')}
      </Button>
    </form>
  );
}
