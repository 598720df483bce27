/**
 * The deadlines of the case: what, kind of agreement, due date (and why it moved), status. The rule
 * ID is shown only inside a help disclosure. A deadline met after its due date reads "Te laat
 * gehaald" (not the green of "met in time"). A party may pause (opschorten), resume or extend
 * (verlengen) its own deadlines, with a reason, in a dialog.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Button, Dialog, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { api } from '../../../api/client.ts';
import type { Deadline } from '../../../api/types.ts';
import { ErrorSummary, TextAreaField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../../components/forms.tsx';
import { ProblemAlert } from '../../../components/status.tsx';
import { TableScroll } from '../../../components/TableScroll.tsx';
import { useAnnounce } from '../../../components/Announcer.tsx';
import { useLang } from '../../../i18n/useLang.ts';
import { formatDate } from '../../../lib/format.ts';
import { deadlineOutcome } from './deadline-status.ts';
import { DeadlineMarkers } from '../WorklistPage.tsx';
import { DateField, RadioGroupField, today, useDate, type CaseAbilities } from '../common.tsx';

export function Deadlines({ trajectoryId, deadlines, abilities, onChanged }: { trajectoryId: string; deadlines: Deadline[]; abilities: CaseAbilities; onChanged: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const [adjusting, setAdjusting] = useState<Deadline | null>(null);
  const openButton = useRef<HTMLButtonElement | null>(null);
  const shown = deadlines.filter((d) => d.kind === 'deadline' || d.kind === 'earliest');
  const mayAdjust = (d: Deadline): boolean => abilities.active && abilities.can('deadline.adjust') && !!abilities.actorKind && d.actors.includes(abilities.actorKind) && !d.metOn && d.status !== 'cancelled' && d.status !== 'waived' && d.kind === 'deadline';
  const anyAdjustable = shown.some(mayAdjust);
  return (
    <>
      {shown.length === 0 ? (
        <Paragraph>{t('deadlines.none')}</Paragraph>
      ) : (
        <TableScroll label={t('deadlines.caption')}>
          <Table className="tr-table" data-testid="deadlines-table">
            <Table.Caption className="ams-visually-hidden">{t('deadlines.caption')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('deadlines.what')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('deadlines.rule')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('deadlines.due')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('deadlines.statusColumn')}</Table.HeaderCell>
                {anyAdjustable && <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shown.map((d) => (
                <Table.Row key={d.key}>
                  <Table.Cell>
                    {d.label[lang]}
                    {d.kind === 'earliest' && <span className="tr-cell-line tr-muted">{t('deadlines.earliest')}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    {t(`deadlines.nature.${d.nature}`, { defaultValue: d.nature })}
                    <details className="tr-details tr-help-disclosure">
                      <summary>
                        {t('casepage.deadlines.ruleHelp')}
                        <span className="ams-visually-hidden"> {d.label[lang]}</span>
                      </summary>
                      {t('casepage.deadlines.ruleHelpText', { rule: d.ruleId })}
                    </details>
                  </Table.Cell>
                  <Table.Cell>
                    <span className="tr-nowrap">{d.due ? date(d.due) : t('deadlines.pausedNoDue')}</span>
                    {d.originalDue && d.due !== d.originalDue && <span className="tr-cell-line tr-muted">{t('deadlines.originally', { date: date(d.originalDue) })}</span>}
                    {d.moved.length > 0 && <span className="tr-cell-line tr-muted">{d.moved.map((m) => (lang === 'en' ? m.reasonEn : m.reason)).join(' ')}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <DeadlineStatus deadline={d} />
                  </Table.Cell>
                  {anyAdjustable && (
                    <Table.Cell>
                      {mayAdjust(d) ? (
                        <Button
                          variant="secondary"
                          className="tr-small-button"
                          onClick={(e) => {
                            openButton.current = e.currentTarget;
                            setAdjusting(d);
                          }}
                        >
                          {t('deadlines.adjust')}
                          <span className="ams-visually-hidden">: {d.label[lang]}</span>
                        </Button>
                      ) : (
                        <span className="tr-muted">—</span>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {adjusting && (
        <AdjustDialog
          trajectoryId={trajectoryId}
          deadline={adjusting}
          onClose={() => {
            setAdjusting(null);
            openButton.current?.focus();
          }}
          onSaved={onChanged}
        />
      )}
    </>
  );
}

/** Met in time (green), met late (not green, with both dates in words), or the open markers. */
export function DeadlineStatus({ deadline: d }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = useDate();
  const outcome = deadlineOutcome(d);
  if (outcome === 'not_met' || !d.metOn) return <DeadlineMarkers item={d} />;
  if (outcome === 'met_late' && d.due) {
    return (
      <>
        <span className="tr-status tr-status--late-met" data-testid="deadline-met-late">
          {t('casepage.deadlines.metLate')}
        </span>
        <span className="tr-cell-line tr-muted">{t('casepage.deadlines.metLateDetail', { met: formatDate(d.metOn, lang, 'long'), due: formatDate(d.due, lang, 'long') })}</span>
      </>
    );
  }
  return <span className="tr-status tr-status--ok">{t('casepage.deadlines.metInTime', { date: date(d.metOn) })}</span>;
}

function AdjustDialog({ trajectoryId, deadline: d, onClose, onSaved }: { trajectoryId: string; deadline: Deadline; onClose: () => void; onSaved: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const ref = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<'pause' | 'resume' | 'extension'>(d.paused ? 'resume' : 'pause');
  const [from, setFrom] = useState(today());
  const [newDue, setNewDue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    const close = () => onClose();
    el?.addEventListener('close', close);
    return () => el?.removeEventListener('close', close);
  }, [onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (reason.trim().length < 3) local.reason = msg('deadlines.reasonRequired');
    if (kind === 'extension' && !newDue) local.newDue = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const body = kind === 'pause' ? { kind, from, reason: reason.trim() } : kind === 'resume' ? { kind, until: from, reason: reason.trim() } : { kind, newDue, reason: reason.trim() };
        await api.post(`/trajectories/${trajectoryId}/deadlines/${encodeURIComponent(d.key)}/adjustments`, body);
        announce(t('casepage.deadlines.adjusted', { what: d.label[lang] }));
        await onSaved();
        ref.current?.close();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  const labels = { kind: t('deadlines.kind'), from: kind === 'resume' ? t('deadlines.resumeOn') : t('deadlines.pauseFrom'), newDue: t('deadlines.newDue'), reason: t('deadlines.reason') };
  return (
    <Dialog
      ref={ref}
      id="deadline-dialog"
      heading={t('casepage.deadlines.dialogHeading', { what: d.label[lang] })}
      closeButtonLabel={t('common.close')}
      aria-label={t('casepage.deadlines.dialogHeading', { what: d.label[lang] })}
      footer={
        <ActionGroup>
          <Button type="submit" form="deadline-adjust-form" disabled={pending}>
            {t('deadlines.save')}
          </Button>
          <Button variant="secondary" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </Button>
        </ActionGroup>
      }
    >
      <form id="deadline-adjust-form" noValidate onSubmit={submit} className="tr-dialog-form">
        <Paragraph>{d.label[lang]}</Paragraph>
        {problem !== null && <ProblemAlert error={problem} headingLevel={2} />}
        <ErrorSummary form="deadline" errors={errors} labels={labels} attempt={attempt} />
        <RadioGroupField
          form="deadline"
          name="kind"
          label={labels.kind}
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          inline={false}
          choices={[
            ...(d.paused ? [{ value: 'resume', label: t('deadlines.kinds.resume') }] : [{ value: 'pause', label: t('deadlines.kinds.pause') }]),
            { value: 'extension', label: t('deadlines.kinds.extension') },
          ]}
        />
        {kind !== 'extension' && <DateField form="deadline" name="from" label={labels.from} value={from} onChange={setFrom} error={errors.from ?? errors.until} />}
        {kind === 'extension' && <DateField form="deadline" name="newDue" label={labels.newDue} value={newDue} onChange={setNewDue} error={errors.newDue} />}
        <TextAreaField form="deadline" name="reason" label={labels.reason} hint={t('deadlines.reasonHint')} value={reason} onChange={setReason} error={errors.reason} rows={3} />
      </form>
    </Dialog>
  );
}

export function DeadlinesHeading({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Heading level={2} size="level-3" id={id}>
      {t('deadlines.heading')}
    </Heading>
  );
}
