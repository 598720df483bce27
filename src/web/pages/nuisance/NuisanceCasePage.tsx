/**
 * The nuisance case (overlast.md §6, §6.5) as the caller's party is served it: address, resident,
 * state in words, reports (reporter contact only where given), deadlines in words, the hub flags and
 * the prompt to report to the hub, the checklist per action with what is still missing, the steps
 * the caller can take now — with, before trying, the words of what a step still needs — and the
 * letters (make, PDF, signed, copy to the corporation). Every write sends If-Match of the case.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert, Button, Column, DescriptionList, Heading, Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PdfLink } from '../../components/PdfLink.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource, type Resource } from '../../lib/useResource.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { CheckField, DateField, RadioGroupField, today } from '../trajectories/common.tsx';
import { FOLLOW_UPS } from '../../../domain/nuisance/judgement.ts';
import { LETTER_TITLES } from '../../../domain/nuisance/letters.ts';
import { ACTION_STEPS, recordableSteps } from '../../../domain/nuisance/escalation.ts';
import type { EscalationAction } from '../../../domain/nuisance/model.ts';
import { DueWords, LETTER_KINDS, NuisanceRulesHelp, refusalAsErrors, txt, type NuisanceCaseView, type ReportView } from './common.tsx';

/** The steps this page has a form for (the others are the hub's or follow from letters). */
const FORM_STEPS = [
  'reporter_contacted', 'corporation_informed', 'hearing_held', 'judged', 'complainant_informed', 'six_week_check', 'follow_up_done', 'escalated', 'action_step_done',
  'timeout_started', 'timeout_ended', 'alternative_accepted', 'court_requested', 'court_judgment', 'field_table_notified', 'closed',
] as const;
const WITH_REPORT = ['reporter_contacted', 'hearing_held', 'judged', 'complainant_informed', 'six_week_check', 'escalated'];

export function NuisanceCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const res = useResource<NuisanceCaseView>(`/nuisance/cases/${id}`);
  const c = res.data;
  if (res.error !== null && !c) return (<Column gap="large"><PageHeading>{t('nuisance.case.title')}</PageHeading><ProblemAlert error={res.error} onRetry={() => void res.reload()} /></Column>);
  if (!c) return (<Column gap="large"><PageHeading>{t('nuisance.case.title')}</PageHeading><Loading /></Column>);
  return <CaseView c={c} res={res} />;
}

function CaseView({ c, res }: { c: NuisanceCaseView; res: Resource<NuisanceCaseView> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const careProvider = 'reviewFlag' in c;
  const rules = [...c.deadlines.map((d) => d.ruleId), ...c.hubPrompts.map((p) => p.code)];
  return (
    <Column gap="large">
      <PageHeading title={t('nuisance.case.title')}>{t('nuisance.case.heading', { address: c.address })}</PageHeading>
      <DescriptionList className="tr-dl" data-testid="nuisance-summary">
        <DescriptionList.Term>{t('nuisance.case.state')}</DescriptionList.Term>
        <DescriptionList.Description>{t(`nuisance.status.${c.status}`)}</DescriptionList.Description>
        {c.resident && (<><DescriptionList.Term>{t('nuisance.case.resident')}</DescriptionList.Term><DescriptionList.Description>{c.resident.name ?? '—'}</DescriptionList.Description></>)}
        {c.district && (<><DescriptionList.Term>{t('nuisance.case.district')}</DescriptionList.Term><DescriptionList.Description>{c.district}</DescriptionList.Description></>)}
        <DescriptionList.Term>{t('nuisance.case.parties')}</DescriptionList.Term>
        <DescriptionList.Description>{[c.careProvider?.name, c.corporation?.name].filter(Boolean).join(', ') || '—'}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance.case.openedOn')}</DescriptionList.Term>
        <DescriptionList.Description>{formatDate(c.openedOn, lang)}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance.case.support')}</DescriptionList.Term>
        <DescriptionList.Description>{c.hasSupport ? t('nuisance.case.supportYes') : t('nuisance.case.supportNo')}</DescriptionList.Description>
      </DescriptionList>
      <Flags c={c} />
      {c.hubPrompts.length > 0 && (
        <Alert severity="warning" heading={t('nuisance.case.hubPromptHeading')} headingLevel={2} className="tr-alert" data-testid="nuisance-hub-prompt">
          <Paragraph>{t('nuisance.case.hubPromptIntro')}</Paragraph>
          <ul className="tr-plain-list">{c.hubPrompts.map((p) => <li key={p.code}>{txt(p.label, lang)}</li>)}</ul>
        </Alert>
      )}
      <Reports c={c} />
      {c.deadlines.length > 0 && (
        <section aria-labelledby="deadlines-heading" className="tr-section" data-testid="nuisance-deadlines">
          <Heading level={2} id="deadlines-heading" className="tr-section-heading">{t('nuisance.case.deadlinesHeading')}</Heading>
          <ul className="tr-plain-list">
            {c.deadlines.map((d) => <li key={d.key}>{txt(d.label, lang)}: <DueWords due={d.due} metOn={d.metOn} overdue={d.overdue} closed={!!d.closedAs} /></li>)}
          </ul>
        </section>
      )}
      {c.checklist.length > 0 && <Checklist c={c} />}
      {careProvider && <Steps c={c} res={res} />}
      <Letters c={c} res={res} careProvider={careProvider} />
      <History c={c} />
      <NuisanceRulesHelp rules={rules} />
    </Column>
  );
}

function Flags({ c }: { c: NuisanceCaseView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const flags: string[] = [];
  if (c.hub?.involved) flags.push(c.hub.lead ? t('nuisance.case.hubLead', { name: c.hub.name ?? '' }) : t('nuisance.case.hubInvolved', { name: c.hub.name ?? '' }));
  if (c.overThreeMonths) flags.push(t('nuisance.case.overThreeMonths'));
  if (c.reviewFlag) flags.push(t('nuisance.case.reviewFlag'));
  if (c.legalAdvice) flags.push(t('nuisance.case.legalAdvice'));
  if (c.timeout && !c.timeout.endedOn) flags.push(t('nuisance.case.timeout', { date: formatDate(c.timeout.plannedEndOn, lang) }));
  if (!flags.length && !c.hub?.situations.length) return null;
  return (
    <section aria-labelledby="flags-heading" className="tr-section" data-testid="nuisance-flags">
      <Heading level={2} id="flags-heading" className="tr-section-heading">{t('nuisance.case.flagsHeading')}</Heading>
      <ul className="tr-plain-list">{flags.map((f) => <li key={f}>{f}</li>)}</ul>
      {!!c.hub?.situations.length && (
        <><Paragraph size="small">{t('nuisance.case.hubSituations')}</Paragraph><ul className="tr-plain-list">{c.hub.situations.map((s) => <li key={s.code}>{txt(s.label, lang)}</li>)}</ul></>
      )}
    </section>
  );
}

function reportTitle(r: ReportView, n: number, lang: Lang, t: (k: string, o?: Record<string, unknown>) => string) {
  return t('nuisance.case.reportTitle', { n: n + 1, kind: txt(r.nuisanceTypeLabel, lang), date: formatDate(r.receivedOn, lang) });
}

function Reports({ c }: { c: NuisanceCaseView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="reports-heading" className="tr-section" data-testid="nuisance-reports">
      <Heading level={2} id="reports-heading" className="tr-section-heading">{t('nuisance.case.reportsHeading')}</Heading>
      {c.reports.length === 0 && <Paragraph>{t('nuisance.case.noReports')}</Paragraph>}
      {c.reports.map((r, n) => (
        <article key={r.id} className="tr-card" aria-labelledby={`report-${r.id}`}>
          <Heading level={3} id={`report-${r.id}`}>{reportTitle(r, n, lang, t)}</Heading>
          <Paragraph>{r.description}</Paragraph>
          <DescriptionList className="tr-dl">
            <DescriptionList.Term>{t('nuisance.case.channel')}</DescriptionList.Term>
            <DescriptionList.Description>{txt(r.channelLabel, lang)}</DescriptionList.Description>
            {r.occurredAt && (<><DescriptionList.Term>{t('nuisance.case.occurredAt')}</DescriptionList.Term><DescriptionList.Description>{formatDateTime(`${r.occurredAt}:00`, lang)}</DescriptionList.Description></>)}
            <DescriptionList.Term>{t('nuisance.case.reporter')}</DescriptionList.Term>
            <DescriptionList.Description>
              {[r.reporter.name, r.reporter.phone, r.reporter.email].filter(Boolean).join(', ') || t('nuisance.case.reporterHidden')}
              {' '}({t(`nuisance.relation.${r.reporter.relation}`)})
            </DescriptionList.Description>
            {!r.countsAgainstResident && (<><DescriptionList.Term>{t('nuisance.case.counts')}</DescriptionList.Term><DescriptionList.Description>{t('nuisance.case.doesNotCount')}</DescriptionList.Description></>)}
            {r.judgement !== undefined && (
              <>
                <DescriptionList.Term>{t('nuisance.case.progress')}</DescriptionList.Term>
                <DescriptionList.Description>
                  <ul className="tr-plain-list">
                    <li>{r.reporterContactedOn ? t('nuisance.case.contactedOn', { date: formatDate(r.reporterContactedOn, lang) }) : t('nuisance.case.notContacted')}</li>
                    <li>{r.heardOn ? t('nuisance.case.heardOn', { date: formatDate(r.heardOn, lang) }) : t('nuisance.case.notHeard')}</li>
                    <li>{r.judgement ? t('nuisance.case.judged', { behaviour: t(`nuisance.behaviour.${r.judgement.behaviour}`), justified: r.judgement.justified ? t('nuisance.case.justified') : t('nuisance.case.notJustified') }) : t('nuisance.case.notJudged')}</li>
                    {r.complainantInformedOn && <li>{t('nuisance.case.informedOn', { date: formatDate(r.complainantInformedOn, lang) })}</li>}
                  </ul>
                </DescriptionList.Description>
              </>
            )}
          </DescriptionList>
        </article>
      ))}
    </section>
  );
}

function Checklist({ c }: { c: NuisanceCaseView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="checklist-heading" className="tr-section" data-testid="nuisance-checklist">
      <Heading level={2} id="checklist-heading" className="tr-section-heading">{t('nuisance.case.checklistHeading')}</Heading>
      {c.checklist.map((a) => (
        <div key={a.action}>
          <Heading level={3}>{t(`nuisance.action.${a.action}`)}</Heading>
          <ul className="tr-plain-list">
            {a.steps.map((s) => (
              <li key={s.step}>{s.doneOn ? t('nuisance.case.stepDone', { step: txt(s.label, lang), date: formatDate(s.doneOn, lang) }) : stepDone(a, s) ? t('nuisance.case.stepDoneUndated', { step: txt(s.label, lang) }) : t('nuisance.case.stepOpen', { step: txt(s.label, lang) })}</li>
            ))}
          </ul>
          {a.missing.length > 0 && <Paragraph size="small">{t('nuisance.case.missing', { count: a.missing.length })}</Paragraph>}
        </div>
      ))}
    </section>
  );
}

type ChecklistAction = NuisanceCaseView['checklist'][number];
/** An item is done when recorded, or when it follows from a letter or decision and is no longer missing. */
const stepDone = (a: ChecklistAction, s: ChecklistAction['steps'][number]) => !!s.doneOn || !a.missing.some((m) => m.nl === s.label.nl);

const STEP_FORM = 'nuisance-step';

function Steps({ c, res }: { c: NuisanceCaseView; res: Resource<NuisanceCaseView> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const shown = c.steps.filter((s) => (FORM_STEPS as ReadonlyArray<string>).includes(s.type));
  const possible = shown.filter((s) => s.possible);
  const blocked = shown.filter((s) => !s.possible);
  const counting = c.reports.filter((r) => r.countsAgainstResident);
  const lastReport = (counting.at(-1) ?? c.reports.at(-1))?.id ?? '';
  const next = Math.min(6, (c.action ?? 2) + 1) as EscalationAction;
  const currentAction = (c.action ?? 3) as EscalationAction;
  // The checklist items of the current action still open that are recorded as a step (the letter items follow from the letters).
  const current = c.checklist.find((a) => a.action === c.action);
  const openSteps = c.action && current ? recordableSteps(c.action as EscalationAction).filter((d) => current.steps.some((x) => x.step === d.step && !stepDone(current, x))) : [];
  const [type, setType] = useState('');
  const chosen = possible.find((s) => s.type === type) ?? possible[0];
  const [v, setV] = useState<Record<string, string>>({});
  const val = (k: string, d = '') => v[k] ?? d;
  const set = (k: string) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const occurredOn = val('occurredOn', today());

  const dataFor = (k: string): Record<string, unknown> => {
    const reportId = val('reportId', lastReport);
    const note = val('note').trim() || null;
    switch (k) {
      case 'reporter_contacted': case 'hearing_held': return { reportId, note };
      case 'corporation_informed': return { approach: val('approach').trim() };
      case 'judged': return { reportId, behaviour: val('behaviour', 'conscious'), justifiedPerCareProvider: val('justified', 'yes') === 'yes', residentAgreesJustified: val('agrees', 'yes') === 'unknown' ? null : val('agrees', 'yes') === 'yes', note };
      case 'complainant_informed': return { reportId, togetherWithResident: val('together', 'yes') === 'yes' };
      case 'six_week_check': return { reportId, resolved: val('resolved', 'yes') === 'yes' };
      case 'follow_up_done': return { step: val('followUp', 'registered_in_file'), note };
      case 'escalated': return { action: next, reportId };
      case 'action_step_done': return { action: currentAction, step: val('actionStep', openSteps[0]?.step ?? ''), note };
      case 'timeout_started': return { place: val('place').trim(), plannedEndOn: val('plannedEndOn'), corporationAligned: val('aligned') === 'yes' };
      case 'timeout_ended': return { outcome: val('outcome', 'returned'), note };
      case 'alternative_accepted': return { description: val('description').trim() };
      case 'court_requested': return { ground: val('ground', 'nuisance_file') };
      case 'court_judgment': return { evictionJustified: val('eviction', 'yes') === 'yes' };
      case 'field_table_notified': return { note };
      case 'closed': return { reason: val('reason').trim() };
      default: return {};
    }
  };

  const validate = (k: string): FieldErrors => {
    const e: FieldErrors = {};
    if (!occurredOn) e.occurredOn = msg('form.required');
    if (k === 'corporation_informed' && val('approach').trim().length < 3) e.approach = msg('nuisance.step.approachRequired');
    if (k === 'closed' && val('reason').trim().length < 3) e.reason = msg('nuisance.step.reasonRequired');
    if (k === 'alternative_accepted' && val('description').trim().length < 3) e.description = msg('form.required');
    if (k === 'timeout_started') {
      if (val('place').trim().length < 2) e.place = msg('form.required');
      if (!val('plannedEndOn')) e.plannedEndOn = msg('form.required');
    }
    if (WITH_REPORT.includes(k) && !val('reportId', lastReport)) e.reportId = msg('form.required');
    return e;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    void run(async () => {
      const local = validate(chosen.type);
      setAttempt((n) => n + 1);
      setErrors(local);
      setConflict(null);
      if (Object.keys(local).length) return;
      try {
        await api.post(`/nuisance/cases/${c.id}/events`, { type: chosen.type, occurredOn, data: dataFor(chosen.type) }, { ifMatch: res.etag ?? c.version });
        setV({});
        setType('');
        await res.reload();
        announce(t('nuisance.step.done', { step: txt(chosen.label, lang) }));
      } catch (err) {
        if (isConflict(err)) { setConflict(err); return; }
        const found = refusalAsErrors(err, ['occurredOn', 'reportId', 'approach', 'behaviour', 'justified', 'agrees', 'reason', 'place', 'plannedEndOn', 'description', 'actionStep', 'followUp', 'corporationAligned', 'residentAgreesJustified', 'step'], 'type');
        // The API's names for the fields this form names otherwise.
        const alias: Record<string, string> = { corporationAligned: 'aligned', residentAgreesJustified: 'agrees', step: chosen.type === 'follow_up_done' ? 'followUp' : 'actionStep' };
        setErrors(Object.fromEntries(Object.entries(found).map(([f, m]) => [alias[f] ?? f, m])));
      }
    });
  };

  const labels: Record<string, string> = {
    type: t('nuisance.step.which'), occurredOn: t('nuisance.step.occurredOn'), reportId: t('nuisance.step.report'), approach: t('nuisance.step.approach'), reason: t('nuisance.step.reason'),
    place: t('nuisance.step.place'), plannedEndOn: t('nuisance.step.plannedEndOn'), description: t('nuisance.step.alternative'), actionStep: t('nuisance.step.actionStep'), followUp: t('nuisance.step.followUp'),
    behaviour: t('nuisance.step.behaviour'), justified: t('nuisance.step.justified'), agrees: t('nuisance.step.agrees'), aligned: t('nuisance.step.aligned'),
  };
  const k = chosen?.type ?? '';
  const yesNo = [{ value: 'yes', label: t('nuisance.yes') }, { value: 'no', label: t('nuisance.no') }];
  const plannedMax = (() => { const d = new Date(`${occurredOn || today()}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 14); return d.toISOString().slice(0, 10); })();

  return (
    <section aria-labelledby="steps-heading" className="tr-section" data-testid="nuisance-steps">
      <Heading level={2} id="steps-heading" className="tr-section-heading">{t('nuisance.step.heading')}</Heading>
      {blocked.length > 0 && (
        <div data-testid="nuisance-steps-blocked">
          <Paragraph size="small">{t('nuisance.step.blockedIntro')}</Paragraph>
          <ul className="tr-plain-list">
            {blocked.map((s) => (
              <li key={s.type}><strong>{txt(s.label, lang)}</strong>: {s.needs.map((n) => txt(n, lang)).join(' ')}</li>
            ))}
          </ul>
        </div>
      )}
      {conflict !== null && <ConflictAlert error={conflict} onLoadLatest={() => { setConflict(null); void res.reload(); }} />}
      {possible.length === 0 ? <Paragraph>{t('nuisance.step.none')}</Paragraph> : (
        <form id={STEP_FORM} noValidate onSubmit={submit} className="tr-form" data-testid="nuisance-step-form">
          <Column gap="small">
            <ErrorSummary form={STEP_FORM} errors={errors} labels={labels} attempt={attempt} />
            <SelectField form={STEP_FORM} name="type" label={labels.type!} value={chosen?.type ?? ''} onChange={(x) => { setType(x); setErrors({}); }} error={errors.type} errorPrefix=""
              options={possible.map((s) => ({ value: s.type, label: s.type === 'escalated' ? t('nuisance.step.escalateTo', { step: t(`nuisance.action.${next}`) }) : txt(s.label, lang) }))} />
            <DateField form={STEP_FORM} name="occurredOn" label={labels.occurredOn!} value={occurredOn} onChange={set('occurredOn')} error={errors.occurredOn} max={today()} />
            {WITH_REPORT.includes(k) && (
              <SelectField form={STEP_FORM} name="reportId" label={k === 'escalated' ? t('nuisance.step.newComplaint') : labels.reportId!} value={val('reportId', lastReport)} onChange={set('reportId')} error={errors.reportId}
                options={c.reports.map((r, n) => ({ value: r.id, label: reportTitle(r, n, lang, t) }))} />
            )}
            {k === 'corporation_informed' && <TextAreaField form={STEP_FORM} name="approach" label={labels.approach!} hint={t('nuisance.step.approachHint')} value={val('approach')} onChange={set('approach')} error={errors.approach} />}
            {k === 'judged' && (
              <>
                <RadioGroupField form={STEP_FORM} name="behaviour" label={labels.behaviour!} value={val('behaviour', 'conscious')} onChange={set('behaviour')} error={errors.behaviour}
                  choices={[{ value: 'conscious', label: t('nuisance.behaviour.consciousLong') }, { value: 'unconscious', label: t('nuisance.behaviour.unconsciousLong') }]} inline={false} />
                <RadioGroupField form={STEP_FORM} name="justified" label={labels.justified!} value={val('justified', 'yes')} onChange={set('justified')} choices={yesNo} />
                <RadioGroupField form={STEP_FORM} name="agrees" label={labels.agrees!} value={val('agrees', 'yes')} onChange={set('agrees')} error={errors.agrees}
                  choices={[...yesNo, { value: 'unknown', label: t('nuisance.unknown') }]} />
              </>
            )}
            {k === 'complainant_informed' && <RadioGroupField form={STEP_FORM} name="together" label={t('nuisance.step.together')} value={val('together', 'yes')} onChange={set('together')} choices={yesNo} />}
            {k === 'six_week_check' && <RadioGroupField form={STEP_FORM} name="resolved" label={t('nuisance.step.resolved')} value={val('resolved', 'yes')} onChange={set('resolved')} choices={yesNo} />}
            {k === 'follow_up_done' && (
              <SelectField form={STEP_FORM} name="followUp" label={labels.followUp!} value={val('followUp', 'registered_in_file')} onChange={set('followUp')}
                options={Object.entries(FOLLOW_UPS).map(([code, w]) => ({ value: code, label: txt(w, lang) }))} />
            )}
            {k === 'action_step_done' && (
              <SelectField form={STEP_FORM} name="actionStep" label={labels.actionStep!} value={val('actionStep', openSteps[0]?.step ?? '')} onChange={set('actionStep')} error={errors.actionStep}
                options={(openSteps.length ? openSteps : recordableSteps(currentAction)).map((d) => ({ value: d.step, label: txt(d.words, lang) }))} />
            )}
            {k === 'escalated' && <Paragraph size="small">{t('nuisance.step.escalateHint')}</Paragraph>}
            {k === 'timeout_started' && (
              <>
                <TextField form={STEP_FORM} name="place" label={labels.place!} value={val('place')} onChange={set('place')} error={errors.place} />
                <DateField form={STEP_FORM} name="plannedEndOn" label={labels.plannedEndOn!} hint={t('nuisance.step.plannedEndHint')} value={val('plannedEndOn')} onChange={set('plannedEndOn')} error={errors.plannedEndOn} max={plannedMax} />
                <CheckField form={STEP_FORM} name="aligned" label={t('nuisance.step.aligned')} error={errors.aligned} checked={val('aligned') === 'yes'} onChange={(b) => set('aligned')(b ? 'yes' : '')} />
              </>
            )}
            {k === 'timeout_ended' && (
              <RadioGroupField form={STEP_FORM} name="outcome" label={t('nuisance.step.outcome')} value={val('outcome', 'returned')} onChange={set('outcome')} inline={false}
                choices={[{ value: 'returned', label: t('nuisance.step.returned') }, { value: 'structural_solution', label: t('nuisance.step.structural') }]} />
            )}
            {k === 'alternative_accepted' && <TextAreaField form={STEP_FORM} name="description" label={labels.description!} value={val('description')} onChange={set('description')} error={errors.description} />}
            {k === 'court_requested' && (
              <RadioGroupField form={STEP_FORM} name="ground" label={t('nuisance.step.ground')} value={val('ground', 'nuisance_file')} onChange={set('ground')} inline={false}
                choices={[{ value: 'nuisance_file', label: t('nuisance.step.groundFile') }, { value: 'agreements_not_kept', label: t('nuisance.step.groundAgreements') }]} />
            )}
            {k === 'court_judgment' && <RadioGroupField form={STEP_FORM} name="eviction" label={t('nuisance.step.eviction')} value={val('eviction', 'yes')} onChange={set('eviction')} choices={yesNo} />}
            {k === 'closed' && <TextAreaField form={STEP_FORM} name="reason" label={labels.reason!} value={val('reason')} onChange={set('reason')} error={errors.reason} />}
            {['reporter_contacted', 'hearing_held', 'judged', 'follow_up_done', 'action_step_done', 'timeout_ended', 'field_table_notified'].includes(k) && (
              <TextAreaField form={STEP_FORM} name="note" label={t('nuisance.step.note')} optional value={val('note')} onChange={set('note')} />
            )}
            <Button type="submit" variant="primary" disabled={pending}>{t('nuisance.step.submit')}</Button>
          </Column>
        </form>
      )}
    </section>
  );
}

const LETTER_FORM = 'nuisance-letter';

function Letters({ c, res, careProvider }: { c: NuisanceCaseView; res: Resource<NuisanceCaseView>; careProvider: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [v, setV] = useState({ kind: 'written_feedback', behaviour: '', agreements: '', nextSteps: '' });
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<unknown>(null);
  const [actionError, setActionError] = useState<FieldErrors>({});
  const { pending, run } = useSubmitting();
  const labels = { kind: t('nuisance.letter.kind'), behaviour: t('nuisance.letter.behaviour'), agreementsNotKept: t('nuisance.letter.agreements'), nextSteps: t('nuisance.letter.nextSteps') };

  const make = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const agreements = v.agreements.split('\n').map((l) => l.trim()).filter(Boolean);
      const local: FieldErrors = {};
      if (v.behaviour.trim().length < 3) local.behaviour = msg('nuisance.letter.behaviourRequired');
      if (v.kind !== 'written_feedback' && agreements.length === 0) local.agreementsNotKept = msg('nuisance.letter.agreementsRequired');
      if (v.kind === 'warning_letter' && !v.nextSteps.trim()) local.nextSteps = msg('nuisance.letter.nextStepsRequired');
      setAttempt((n) => n + 1);
      setErrors(local);
      setConflict(null);
      if (Object.keys(local).length) return;
      try {
        await api.post(`/nuisance/cases/${c.id}/letters`, { kind: v.kind, behaviour: v.behaviour.trim(), agreementsNotKept: agreements, nextSteps: v.nextSteps.trim() || null }, { ifMatch: res.etag ?? c.version });
        setV({ kind: v.kind, behaviour: '', agreements: '', nextSteps: '' });
        await res.reload();
        announce(t('nuisance.letter.made', { title: txt(LETTER_TITLES[v.kind as keyof typeof LETTER_TITLES], lang) }));
      } catch (err) {
        if (isConflict(err)) { setConflict(err); return; }
        setErrors(refusalAsErrors(err, ['kind', 'behaviour', 'agreementsNotKept', 'nextSteps'], 'kind'));
      }
    });
  };

  const letterAction = (path: string, body: Record<string, unknown>, done: string) => void run(async () => {
    setActionError({});
    setConflict(null);
    try {
      await api.post(path, body, { ifMatch: res.etag ?? c.version });
      await res.reload();
      announce(done);
    } catch (err) {
      if (isConflict(err)) { setConflict(err); return; }
      setActionError(refusalAsErrors(err, [], 'letters'));
    }
  });

  return (
    <section aria-labelledby="letters-heading" className="tr-section" data-testid="nuisance-letters">
      <Heading level={2} id="letters-heading" className="tr-section-heading">{t('nuisance.letter.heading')}</Heading>
      {conflict !== null && <ConflictAlert error={conflict} onLoadLatest={() => { setConflict(null); void res.reload(); }} />}
      <ErrorSummary form="nuisance-letters" errors={actionError} labels={{ letters: t('nuisance.letter.heading') }} attempt={attempt} />
      {c.letters.length === 0 ? <Paragraph id="nuisance-letters-letters">{careProvider ? t('nuisance.letter.none') : t('nuisance.letter.noCopies')}</Paragraph> : (
        <ul className="tr-plain-list" id="nuisance-letters-letters" tabIndex={-1}>
          {c.letters.map((l) => {
            const title = txt(LETTER_TITLES[l.kind as keyof typeof LETTER_TITLES], lang);
            return (
              <li key={l.id} className="tr-card" data-testid="nuisance-letter">
                <Heading level={3}>{t('nuisance.letter.title', { title, date: formatDate(l.issuedOn, lang) })}</Heading>
                <ul className="tr-plain-list">
                  {l.signedOn && <li>{l.signature === 'seen' ? t('nuisance.letter.seenOn', { date: formatDate(l.signedOn, lang) }) : t('nuisance.letter.signedOn', { date: formatDate(l.signedOn, lang) })}</li>}
                  {l.copiedOn ? <li>{t('nuisance.letter.copiedOn', { date: formatDate(l.copiedOn, lang) })}</li> : careProvider && <li>{t('nuisance.letter.notCopied')}</li>}
                </ul>
                {l.pdf && <Paragraph><PdfLink href={`/api/v1/nuisance/letters/${l.id}/pdf?lang=${lang}`}>{t('nuisance.letter.pdf', { title })}</PdfLink></Paragraph>}
                {careProvider && (
                  <div className="tr-actions">
                    {l.kind === 'warning_letter' && !l.signedOn && (
                      <Button variant="secondary" disabled={pending} onClick={() => letterAction(`/nuisance/letters/${l.id}/signature`, { signedOn: today(), signature: 'signed', readAloud: true }, t('nuisance.letter.signedDone'))}>{t('nuisance.letter.sign')}</Button>
                    )}
                    {l.kind === 'formal_notice' && !l.signedOn && (
                      <Button variant="secondary" disabled={pending} onClick={() => letterAction(`/nuisance/letters/${l.id}/signature`, { signedOn: today(), signature: 'seen', readAloud: false }, t('nuisance.letter.seenDone'))}>{t('nuisance.letter.seen')}</Button>
                    )}
                    {!l.copiedOn && l.kind !== 'written_feedback' && (
                      <Button variant="secondary" disabled={pending} onClick={() => letterAction(`/nuisance/letters/${l.id}/copy`, { copiedOn: today() }, t('nuisance.letter.copiedDone'))}>{t('nuisance.letter.copy')}</Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {careProvider && (
        <form id={LETTER_FORM} noValidate onSubmit={make} className="tr-form" data-testid="nuisance-letter-form">
          <Column gap="small">
            <Heading level={3}>{t('nuisance.letter.makeHeading')}</Heading>
            <ErrorSummary form={LETTER_FORM} errors={errors} labels={labels} attempt={attempt} />
            <SelectField form={LETTER_FORM} name="kind" label={labels.kind} value={v.kind} onChange={set('kind')} error={errors.kind} errorPrefix=""
              options={LETTER_KINDS.map((k) => ({ value: k, label: txt(LETTER_TITLES[k], lang) }))} />
            <TextAreaField form={LETTER_FORM} name="behaviour" label={labels.behaviour} hint={t('nuisance.letter.behaviourHint')} value={v.behaviour} onChange={set('behaviour')} error={errors.behaviour} />
            <TextAreaField form={LETTER_FORM} name="agreementsNotKept" label={labels.agreementsNotKept} hint={t('nuisance.letter.agreementsHint')} value={v.agreements} onChange={set('agreements')} error={errors.agreementsNotKept} rows={4} />
            <TextAreaField form={LETTER_FORM} name="nextSteps" label={labels.nextSteps} hint={t('nuisance.letter.nextStepsHint')} optional={v.kind !== 'warning_letter'} value={v.nextSteps} onChange={set('nextSteps')} error={errors.nextSteps} />
            <Button type="submit" variant="primary" disabled={pending}>{t('nuisance.letter.make')}</Button>
          </Column>
        </form>
      )}
    </section>
  );
}

function History({ c }: { c: NuisanceCaseView }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!c.events.length) return null;
  return (
    <section aria-labelledby="history-heading" className="tr-section" data-testid="nuisance-history">
      <Heading level={2} id="history-heading" className="tr-section-heading">{t('nuisance.case.historyHeading')}</Heading>
      <ol className="tr-plain-list">
        {c.events.map((e) => {
          const action = typeof e.data.action === 'number' ? ` — ${t(`nuisance.action.${e.data.action}`)}` : '';
          const step = typeof e.data.step === 'string' && typeof e.data.action === 'number'
            ? ACTION_STEPS[e.data.action as EscalationAction]?.find((d) => d.step === e.data.step) : undefined;
          const note = typeof e.data.note === 'string' && e.data.note ? `: ${e.data.note}` : '';
          return <li key={e.seq}>{formatDate(e.occurredOn, lang)} — {txt(e.label, lang)}{step ? ` (${txt(step.words, lang)})` : action}{note}</li>;
        })}
      </ol>
    </section>
  );
}
