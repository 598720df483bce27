/**
 * "Stap vastleggen": choose one of the steps the user may record now (from the TRANSITIONS
 * table), fill in the generated fields and the date it happened. A refusal (422) lists every
 * violated rule with its ID; a 412 keeps the input.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Row } from '@amsterdam/design-system-react';
import type { EventType } from '../../../domain/trajectories/model.ts';
import { api } from '../../api/client.ts';
import type { Trajectory } from '../../api/types.ts';
import { ErrorSummary, SelectField, TextAreaField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useLang } from '../../i18n/useLang.ts';
import { DateField, caseRefOfView, today, violationErrors, violationsOf, type CaseAbilities } from './common.tsx';
import { StepFields, useFieldLabel, type StepContext } from './StepFields.tsx';
import { FORM_OF_EVENT, availableTypes, initialValues, isPhaseStep, localProblems, onlyWritable, specsOf, toData, transitionOf, type Values } from './steps.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { trajectoryMunicipalityFieldsWritable } from '../../session/policy.ts';

const FORM = 'step';

function fieldOfPointer(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean);
  if (parts[0] === 'occurredOn') return 'occurredOn';
  if (parts[0] === 'data' && parts[1]) return parts[1] === 'occurredOn' ? 'occurredOn' : parts[1];
  return 'type';
}

export function StepForm({ trajectory, abilities, ctx, onRecorded, reloadTrajectory }: {
  trajectory: Trajectory;
  abilities: CaseAbilities;
  ctx: Omit<StepContext, 'formKind'>;
  onRecorded: (type: EventType) => Promise<void> | void;
  reloadTrajectory: () => Promise<Trajectory | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const label = useFieldLabel();
  const types = useMemo(
    () => availableTypes({ phase: trajectory.phase, status: trajectory.status, actorKind: abilities.actorKind, role: abilities.role }),
    [trajectory.phase, trajectory.status, abilities.actorKind, abilities.role],
  );
  const [type, setType] = useState<EventType | ''>('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const { session } = useSession();
  const writableMunicipalities = trajectoryMunicipalityFieldsWritable(session, caseRefOfView(trajectory));
  const writableKey = writableMunicipalities.join(',');
  const specs = useMemo(() => (type ? onlyWritable(specsOf(type), writableKey.split(',')) : []), [type, writableKey]);


  function choose(next: EventType | '') {
    setType(next);
    setErrors({});
    setProblem(null);
    setValues(next ? initialValues(onlyWritable(specsOf(next), writableMunicipalities), next === 'goals_set' ? { goals: ctx.goals.map((g) => ({ id: g.id, domain: g.domain, text: g.text, linkedToUrgency: g.linkedToUrgency })) } : {}) : {});
  }

  const labels: Record<string, string> = { type: t('steps.type'), occurredOn: t('steps.occurredOn'), ...Object.fromEntries(specs.map((f) => [f.name, label(f.name)])) };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!type) local.type = msg('steps.chooseType');
    if (!occurredOn) local.occurredOn = msg('form.required');
    for (const [name, p] of Object.entries(localProblems(specs, values))) local[name] = msg(`steps.problems.${p.problem}`, p.params);
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length || !type) return;
    const data = toData(specs, values);
    void run(async () => {
      try {
        await api.post(`/trajectories/${trajectory.id}/events`, { type, occurredOn, data }, { ifMatch: trajectory.version });
        announce(t('steps.recorded', { what: transitionOf(type).label[lang] }));
        setType('');
        setValues({});
        setErrors({});
        await onRecorded(type);
      } catch (err) {
        const list = violationsOf(err);
        if (list.length) {
          setErrors(violationErrors(list, fieldOfPointer));
          setAttempt((a) => a + 1);
        } else setProblem(err);
      }
    });
  };

  if (types.length === 0) {
    return <Paragraph>{trajectory.status === 'closed' ? t('steps.noneClosed') : t('steps.none')}</Paragraph>;
  }
  const phaseTypes = types.filter(isPhaseStep);
  const anyTime = types.filter((x) => !isPhaseStep(x));
  const tr = type ? transitionOf(type) : null;
  return (
    <div className="tr-section">
      {problem !== null &&
        (isConflict(problem) ? (
          <ConflictAlert
            error={problem}
            onKeepMine={() => {
              setProblem(null);
              void reloadTrajectory();
            }}
            onLoadLatest={() => {
              setProblem(null);
              choose('');
              void reloadTrajectory();
            }}
          />
        ) : (
          <ProblemAlert error={problem} headingLevel={3} />
        ))}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="step-form-heading" data-testid="step-form">
        <Heading level={3} size="level-4" id="step-form-heading" className="ams-visually-hidden">
          {t('steps.formHeading')}
        </Heading>
        <SelectField
          form={FORM}
          name="type"
          label={labels.type!}
          hint={t('steps.typeHint')}
          value={type}
          onChange={(v) => choose(v as EventType | '')}
          placeholder={t('steps.chooseType')}
          error={errors.type}
          options={[
            ...phaseTypes.map((x) => ({ value: x, label: transitionOf(x).label[lang], group: t('steps.groupPhase') })),
            ...anyTime.map((x) => ({ value: x, label: transitionOf(x).label[lang], group: t('steps.groupAnyTime') })),
          ]}
        />
        {tr && (
          <>
            {tr.rules.length > 0 && (
              <Paragraph size="small" className="tr-hint" data-testid="step-rules">
                {t('steps.rules', { rules: tr.rules.join(', ') })}
                {tr.to && <> {t('steps.movesTo', { phase: t(`phases.${tr.to}`) })}</>}
              </Paragraph>
            )}
            <DateField form={FORM} name="occurredOn" label={labels.occurredOn!} hint={t('steps.occurredOnHint')} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} max={today()} />
            <StepFields form={FORM} specs={specs} values={values} onChange={(n, v) => setValues((s) => ({ ...s, [n]: v }))} errors={errors} ctx={{ ...ctx, formKind: FORM_OF_EVENT[type as EventType] }} />
          </>
        )}
        <Row gap="large" wrap>
          <Button type="submit" disabled={pending || !type}>
            {t('steps.submit')}
          </Button>
        </Row>
      </form>
    </div>
  );
}

/** The confirmation after a step was recorded (kept by the page: the step may end this user's part of the route). */
export function StepRecorded({ type }: { type: EventType }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [type]);
  return (
    <Alert ref={ref} tabIndex={-1} severity="success" heading={t('steps.recordedHeading')} headingLevel={3} className="tr-alert" data-testid="step-recorded">
      <Paragraph>{t('steps.recorded', { what: transitionOf(type).label[lang] })}</Paragraph>
    </Alert>
  );
}

/** Correct an event (a correction event with the new date and data) or declare it void; both need a reason. */
export function CorrectionForm({ trajectory, event, mode, ctx, onDone, onCancel, reloadTrajectory }: {
  trajectory: Trajectory;
  event: { id: string; type: string; occurredOn: string; data: Record<string, unknown>; label: Record<'nl' | 'en', string> };
  mode: 'correct' | 'void';
  ctx: Omit<StepContext, 'formKind'>;
  onDone: () => Promise<void> | void;
  onCancel: () => void;
  reloadTrajectory: () => Promise<Trajectory | null>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const label = useFieldLabel();
  const form = `${mode}-${event.id.slice(0, 8)}`;
  const specs = useMemo(() => (mode === 'correct' ? specsOf(event.type as EventType) : []), [mode, event.type]);
  const [values, setValues] = useState<Values>(() => initialValues(specs, event.data));
  const [occurredOn, setOccurredOn] = useState(event.occurredOn);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const labels: Record<string, string> = { occurredOn: t('steps.occurredOn'), reason: t('timeline.reason'), type: t('steps.type'), ...Object.fromEntries(specs.map((f) => [f.name, label(f.name)])) };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!reason.trim()) local.reason = msg('form.required');
    if (mode === 'correct') for (const [name, p] of Object.entries(localProblems(specs, values))) local[name] = msg(`steps.problems.${p.problem}`, p.params);
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    const body =
      mode === 'correct'
        ? { type: 'event_corrected', occurredOn: today(), correctsEventId: event.id, data: { occurredOn, data: toData(specs, values), reason: reason.trim() } }
        : { type: 'event_voided', occurredOn: today(), correctsEventId: event.id, data: { reason: reason.trim() } };
    void run(async () => {
      try {
        await api.post(`/trajectories/${trajectory.id}/events`, body, { ifMatch: trajectory.version });
        announce(mode === 'correct' ? t('timeline.corrected', { what: event.label[lang] }) : t('timeline.voided', { what: event.label[lang] }));
        await onDone();
      } catch (err) {
        const list = violationsOf(err);
        if (list.length) {
          setErrors(violationErrors(list, (p) => (p === '/data/reason' ? 'reason' : fieldOfPointer(p.replace('/data/data/', '/data/')))));
          setAttempt((a) => a + 1);
        } else setProblem(err);
      }
    });
  };

  return (
    <form noValidate onSubmit={submit} className="tr-form tr-panel" aria-labelledby={`${form}-heading`}>
      <Heading level={4} size="level-5" id={`${form}-heading`} ref={headingRef} tabIndex={-1}>
        {mode === 'correct' ? t('timeline.correctHeading', { what: event.label[lang] }) : t('timeline.voidHeading', { what: event.label[lang] })}
      </Heading>
      {problem !== null &&
        (isConflict(problem) ? (
          <ConflictAlert error={problem} onKeepMine={() => { setProblem(null); void reloadTrajectory(); }} onLoadLatest={() => { setProblem(null); void reloadTrajectory(); }} />
        ) : (
          <ProblemAlert error={problem} headingLevel={4} />
        ))}
      <ErrorSummary form={form} errors={errors} labels={labels} attempt={attempt} />
      {mode === 'correct' && (
        <>
          <DateField form={form} name="occurredOn" label={labels.occurredOn!} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} max={today()} />
          <StepFields form={form} specs={specs} values={values} onChange={(n, v) => setValues((s) => ({ ...s, [n]: v }))} errors={errors} ctx={{ ...ctx, formKind: FORM_OF_EVENT[event.type as EventType] }} />
        </>
      )}
      <TextAreaField form={form} name="reason" label={labels.reason!} hint={t('timeline.reasonHint')} value={reason} onChange={setReason} error={errors.reason} rows={2} />
      <Row gap="large" wrap>
        <Button type="submit" disabled={pending}>
          {mode === 'correct' ? t('timeline.correctSubmit') : t('timeline.voidSubmit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Row>
    </form>
  );
}
