/**
 * "Stap vastleggen": the steps this user can record now, the suggested next step(s) first (from
 * GET …/steps, the same checks that refuse a step), the others grouped; a disclosure "Nog niet
 * mogelijk" says per step what is still missing — before anything is refused. A refused step reads
 * "Nog niet mogelijk: …" at the step selector; a decision with legal effect asks for a confirmation.
 * Rule IDs stay in a help disclosure. A 412 keeps the input.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionGroup, Alert, Button, Dialog, Heading, Paragraph, Row } from '@amsterdam/design-system-react';
import type { EventType } from '../../../domain/trajectories/model.ts';
import { LEGAL_EFFECT_EVENTS, PHASE_CODES } from '../../../domain/trajectories/availability.ts';
import { ApiError, api } from '../../api/client.ts';
import type { Trajectory } from '../../api/types.ts';
import { ErrorSummary, SelectField, TextAreaField, msg, plainMessage, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { i18n } from '../../i18n/index.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useResource } from '../../lib/useResource.ts';
import { DateField, caseRefOfView, today, violationErrors, violationsOf, type CaseAbilities, type Violation } from './common.tsx';
import { StepFields, useFieldLabel, type StepContext } from './StepFields.tsx';
import { FORM_OF_EVENT, availableTypes, groupedStepOptions, initialValues, isPhaseStep, localProblems, notYetListed, onlyWritable, specsOf, toData, transitionOf, type StepsView, type Values } from './steps.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { trajectoryMunicipalityFieldsWritable } from '../../session/policy.ts';

const FORM = 'step';

function fieldOfPointer(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean);
  if (parts[0] === 'occurredOn') return 'occurredOn';
  if (parts[0] === 'data' && parts[1]) return parts[1] === 'occurredOn' ? 'occurredOn' : parts[1];
  return 'type';
}

/**
 * A refusal as form errors: what must be in place first (the step selector) reads "Nog niet
 * mogelijk: …"; a problem with a field stays at that field; no rule IDs in the words.
 */
export function refusalErrors(list: Violation[]): FieldErrors {
  const atType = list.filter((v) => fieldOfPointer(v.field) === 'type');
  const out: FieldErrors = {};
  for (const [name, m] of Object.entries(violationErrors(list.filter((v) => fieldOfPointer(v.field) !== 'type'), fieldOfPointer))) {
    out[name] = { nl: plainMessage(m.nl), en: plainMessage(m.en) };
  }
  if (atType.length) {
    // Looked up when read: only the UI language's texts are loaded until the user switches.
    out.type = {
      get nl() { return i18n.getFixedT('nl')('stepGuide.notYetPrefix', { what: atType.map((v) => plainMessage(v.nl)).join(' ') }); },
      get en() { return i18n.getFixedT('en')('stepGuide.notYetPrefix', { what: atType.map((v) => plainMessage(v.en)).join(' ') }); },
    };
  }
  return out;
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
  // What the server says this user can record now (the same checks as a refusal); the transition
  // table's phase and party are the fallback while it loads or when it cannot be read.
  const stepsRes = useResource<StepsView>(`/trajectories/${trajectory.id}/steps`);
  const reloadSteps = stepsRes.reload;
  const firstVersion = useRef(trajectory.version);
  useEffect(() => {
    if (trajectory.version !== firstVersion.current) void reloadSteps();
  }, [trajectory.version, trajectory.phase, reloadSteps]);
  const fallback = useMemo(
    () => availableTypes({ phase: trajectory.phase, status: trajectory.status, actorKind: abilities.actorKind, role: abilities.role }),
    [trajectory.phase, trajectory.status, abilities.actorKind, abilities.role],
  );
  const view = stepsRes.data;
  const types: EventType[] = view ? view.available.map((x) => x.type) : fallback;
  const suggested: EventType[] = view ? view.suggested.map((x) => x.type) : [];
  const notYet = view ? notYetListed(view, PHASE_CODES) : [];
  const [type, setType] = useState<EventType | ''>('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const { pending, run } = useSubmitting();
  const { session } = useSession();
  const writableMunicipalities = trajectoryMunicipalityFieldsWritable(session, caseRefOfView(trajectory));
  const writableKey = writableMunicipalities.join(',');
  const specs = useMemo(() => (type ? onlyWritable(specsOf(type), writableKey.split(',')) : []), [type, writableKey]);

  function choose(next: EventType | '') {
    setType(next);
    setErrors({});
    setRefused(false);
    setProblem(null);
    setValues(next ? initialValues(onlyWritable(specsOf(next), writableMunicipalities), next === 'goals_set' ? { goals: ctx.goals.map((g) => ({ id: g.id, domain: g.domain, text: g.text, linkedToUrgency: g.linkedToUrgency })) } : {}) : {});
  }

  const stepName = (x: EventType) => transitionOf(x).label[lang];
  const labels: Record<string, string> = {
    type: refused && type ? stepName(type) : t('steps.type'),
    occurredOn: t('steps.occurredOn'),
    ...Object.fromEntries(specs.map((f) => [f.name, label(f.name)])),
  };

  const send = useCallback(() => {
    if (!type) return;
    const data = toData(specs, values);
    void run(async () => {
      try {
        await api.post(`/trajectories/${trajectory.id}/events`, { type, occurredOn, data }, { ifMatch: trajectory.version });
        announce(t('steps.recorded', { what: transitionOf(type).label[lang] }));
        setType('');
        setValues({});
        setErrors({});
        setRefused(false);
        await onRecorded(type);
      } catch (err) {
        const list = err instanceof ApiError && !isConflict(err) ? violationsOf(err) : [];
        if (list.length) {
          const next = refusalErrors(list);
          setErrors(next);
          setRefused(next.type !== undefined);
          setAttempt((a) => a + 1);
          void reloadSteps();
        } else setProblem(err);
      }
    });
  }, [type, specs, values, run, trajectory.id, trajectory.version, occurredOn, announce, t, lang, onRecorded, reloadSteps]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setRefused(false);
    const local: FieldErrors = {};
    if (!type) local.type = msg('steps.chooseType');
    if (!occurredOn) local.occurredOn = msg('form.required');
    for (const [name, p] of Object.entries(localProblems(specs, values))) local[name] = msg(`steps.problems.${p.problem}`, p.params);
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length || !type) return;
    // A decision with legal effect is confirmed first.
    if (LEGAL_EFFECT_EVENTS.has(type)) setConfirming(true);
    else send();
  };

  if (types.length === 0 && notYet.length === 0 && !stepsRes.loading) {
    return <Paragraph>{trajectory.status === 'closed' ? t('steps.noneClosed') : t('steps.none')}</Paragraph>;
  }
  const tr = type ? transitionOf(type) : null;
  const groups = { suggested: t('stepGuide.suggested'), phase: suggested.length ? t('stepGuide.phaseSteps') : t('steps.groupPhase'), anyTime: t('stepGuide.anyTime') };
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
      {suggested.length > 0 && (
        <Paragraph data-testid="steps-suggested">{t('stepGuide.suggestedLine', { steps: suggested.map(stepName).join(', ') })}</Paragraph>
      )}
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="step-form-heading" data-testid="step-form">
        <Heading level={3} size="level-4" id="step-form-heading" className="ams-visually-hidden">
          {t('steps.formHeading')}
        </Heading>
        <SelectField
          form={FORM}
          name="type"
          label={t('steps.type')}
          hint={t('steps.typeHint')}
          value={type}
          onChange={(v) => choose(v as EventType | '')}
          placeholder={t('steps.chooseType')}
          error={errors.type}
          errorPrefix={refused ? '' : undefined}
          options={groupedStepOptions(types, suggested, isPhaseStep, groups).map((o) => ({ ...o, label: stepName(o.value) }))}
        />
        {tr && (
          <>
            {tr.to && (
              <Paragraph size="small" className="tr-hint">
                {t('steps.movesTo', { phase: t(`phases.${tr.to}`) })}
              </Paragraph>
            )}
            {tr.rules.length > 0 && (
              <details className="tr-details tr-help-disclosure" data-testid="step-rules">
                <summary>{t('stepGuide.moreAboutStep')}</summary>
                <p className="ams-paragraph ams-paragraph--small">{t('stepGuide.agreements', { rules: tr.rules.join(', ') })}</p>
              </details>
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
      {notYet.length > 0 && (
        <details className="tr-details tr-section" data-testid="steps-not-yet">
          <summary>{t('stepGuide.notYet', { count: notYet.length })}</summary>
          <Paragraph size="small">{t('stepGuide.notYetIntro')}</Paragraph>
          <ul className="tr-plain-list tr-not-yet">
            {notYet.map((x) => (
              <li key={x.type} data-step={x.type}>
                <strong>{x.label[lang]}</strong>
                <ul>
                  {x.missing.map((m) => (
                    <li key={m.code}>{m[lang]}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <Paragraph size="small">{t('stepGuide.notYetLater')}</Paragraph>
        </details>
      )}
      {confirming && type && (
        <ConfirmDecision
          step={stepName(type)}
          onConfirm={() => {
            setConfirming(false);
            send();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

/** "U legt een besluit vast met rechtsgevolg: …. Klopt dit?" — a modal dialog; Escape or "Nee" goes back, focus returns to the form. */
function ConfirmDecision({ step, onConfirm, onCancel }: { step: string; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const noRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    noRef.current?.focus();
    const closed = () => (confirmed.current ? onConfirm() : onCancel());
    el?.addEventListener('close', closed);
    return () => el?.removeEventListener('close', closed);
  }, [onConfirm, onCancel]);
  return (
    <Dialog
      ref={ref}
      id="step-confirm-dialog"
      heading={t('stepGuide.confirmHeading')}
      closeButtonLabel={t('common.close')}
      aria-label={t('stepGuide.confirmHeading')}
      data-testid="step-confirm"
      footer={
        <ActionGroup>
          <Button
            onClick={() => {
              confirmed.current = true;
              ref.current?.close();
            }}
          >
            {t('stepGuide.confirmYes')}
          </Button>
          <Button ref={noRef} variant="secondary" onClick={() => ref.current?.close()}>
            {t('stepGuide.confirmNo')}
          </Button>
        </ActionGroup>
      }
    >
      <Paragraph>{t('stepGuide.confirmText', { step })}</Paragraph>
    </Dialog>
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
          setErrors(Object.fromEntries(Object.entries(violationErrors(list, (p) => (p === '/data/reason' ? 'reason' : fieldOfPointer(p.replace('/data/data/', '/data/'))))).map(([k, m]) => [k, { nl: plainMessage(m.nl), en: plainMessage(m.en) }])));
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
