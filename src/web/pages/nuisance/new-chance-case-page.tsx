/**
 * One New Chance case (overlast.md §7.6): the step in words, the route as a step list with the
 * current step marked, the decisions so far, the deadlines, the steps the caller can take now (and
 * what each one still waits for, shown before trying), the New Chance letter and the letters as PDF.
 * Every step is posted with If-Match; a 412 keeps the input.
 */
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Column, DescriptionList, Heading, Link, OrderedList, Paragraph, UnorderedList } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { PdfLink } from '../../components/PdfLink.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, msg, orNull, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource, type Resource } from '../../lib/useResource.ts';
import { useAllOrganisations } from '../../lib/organisations.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { CheckField, DateField, RadioGroupField, today } from '../trajectories/common.tsx';
import { HelpCodes, lastSegment, refusalErrors } from '../matching/common.tsx';
import { NEW_CHANCE_TRANSITIONS } from '../../../domain/nuisance/new-chance.ts';
import { ROUTE, stepKey, txt, type NewChanceDetail, type NewChanceStepOption } from './new-chance-common.tsx';

export function NewChanceCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const res = useResource<NewChanceDetail>(`/new-chance/${id}`);
  const c = res.data;
  return (
    <Column gap="large">
      <PageHeading>{c ? t('nuisance-hub.case.title', { name: c.residentName }) : t('nuisance-hub.case.titleLoading')}</PageHeading>
      <Paragraph><Link href="/nieuwe-kans" linkComponent={RouterLink}>{t('nuisance-hub.case.back')}</Link></Paragraph>
      {res.error !== null && !c && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !c && <Loading />}
      {c && (
        <>
          <Summary c={c} />
          <RouteSteps c={c} />
          <Decisions c={c} />
          <Deadlines c={c} />
          <StepForm c={c} res={res} />
          <Letters c={c} res={res} />
        </>
      )}
    </Column>
  );
}

function Summary({ c }: { c: NewChanceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="nk-summary-heading" className="tr-section">
      <Heading level={2} id="nk-summary-heading" className="tr-section-heading">{t('nuisance-hub.case.summaryHeading')}</Heading>
      <DescriptionList data-testid="nk-summary">
        <DescriptionList.Term>{t('nuisance-hub.case.stepNow')}</DescriptionList.Term>
        <DescriptionList.Description data-testid="nk-step">
          {t(`nuisance-hub.step.${stepKey(c.step)}.name`)}
          {c.step !== 'ended' && c.step !== 'NK-11' && <><br /><span className="tr-hint">{t(`nuisance-hub.step.${stepKey(c.step)}.waits`)}</span></>}
        </DescriptionList.Description>
        {c.step === 'ended' && (
          <>
            <DescriptionList.Term>{t('nuisance-hub.case.endReason')}</DescriptionList.Term>
            <DescriptionList.Description data-testid="nk-end-reason">
              {t(`nuisance-hub.endReason.${c.state.endReason ?? 'other'}`, { defaultValue: c.state.endReason ?? '' })}
              {c.state.endedOn && ` (${formatDate(c.state.endedOn, lang)})`}
            </DescriptionList.Description>
          </>
        )}
        <DescriptionList.Term>{t('nuisance-hub.case.address')}</DescriptionList.Term>
        <DescriptionList.Description>{c.address}{c.district ? `, ${c.district}` : ''}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.nk.corporation')}</DescriptionList.Term>
        <DescriptionList.Description>{c.corporation.name ?? '—'}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.case.careProvider')}</DescriptionList.Term>
        <DescriptionList.Description>{c.careProvider?.name ?? t('nuisance-hub.case.notChosen')}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.case.hub')}</DescriptionList.Term>
        <DescriptionList.Description>{c.hub.name ?? '—'}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.nk.requestedOn')}</DescriptionList.Term>
        <DescriptionList.Description>{formatDate(c.requestedOn, lang)}</DescriptionList.Description>
        <DescriptionList.Term>{t('nuisance-hub.case.granted')}</DescriptionList.Term>
        <DescriptionList.Description>{c.grantedOn ? formatDate(c.grantedOn, lang) : t('nuisance-hub.case.notYet')}</DescriptionList.Description>
      </DescriptionList>
    </section>
  );
}

function RouteSteps({ c }: { c: NewChanceDetail }) {
  const { t } = useTranslation();
  const moveSkipped = c.decision !== null && !c.decision.move;
  const current = c.step === 'ended' ? -1 : ROUTE.indexOf(c.step as (typeof ROUTE)[number]);
  return (
    <section aria-labelledby="nk-route-heading" className="tr-section">
      <Heading level={2} id="nk-route-heading" className="tr-section-heading">{t('nuisance-hub.case.routeHeading')}</Heading>
      <OrderedList data-testid="nk-route">
        {ROUTE.map((s, n) => {
          const skipped = moveSkipped && (s === 'NK-6' || s === 'NK-7' || s === 'NK-8');
          const state = s === c.step ? 'current' : skipped ? 'skipped' : s === 'NK-10' ? 'side' : current >= 0 && n < current ? 'done' : null;
          return (
            <OrderedList.Item key={s} aria-current={s === c.step ? 'step' : undefined}>
              {s === c.step ? <strong>{t(`nuisance-hub.step.${stepKey(s)}.name`)}</strong> : t(`nuisance-hub.step.${stepKey(s)}.name`)}
              {state && <> <span className={state === 'current' ? 'tr-status' : 'tr-hint'}>({t(`nuisance-hub.case.routeState.${state}`)})</span></>}
            </OrderedList.Item>
          );
        })}
      </OrderedList>
      {c.step === 'ended' && <Paragraph>{t('nuisance-hub.case.routeEnded')}</Paragraph>}
      <HelpCodes summary={t('nuisance-hub.help.summary')}>
        {t('nuisance-hub.help.steps', { steps: ROUTE.map((s) => `${s} ${t(`nuisance-hub.step.${stepKey(s)}.name`)}`).join('; ') })}
      </HelpCodes>
    </section>
  );
}

const yesNo = (v: unknown, t: (k: string) => string) => (v === true ? t('nuisance-hub.yes') : v === false ? t('nuisance-hub.no') : '—');

function Decisions({ c }: { c: NewChanceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { organisations } = useAllOrganisations();
  const orgName = (id: unknown) => (typeof id === 'string' ? (organisations?.find((o) => o.id === id)?.name ?? c.careProvider?.name ?? '') : '');
  const detail = (e: NewChanceDetail['events'][number]): string[] => {
    const d = e.data;
    const out: string[] = [];
    switch (e.type) {
      case 'requested':
        out.push(t('nuisance-hub.decision.requestedBy', { who: t(`nuisance-hub.requestedBy.${String(d.requestedBy)}`, { defaultValue: '' }) }));
        if (d.seriousNuisance) out.push(t('nuisance-hub.apply.seriousNuisance'));
        if (d.careNotDeliverable) out.push(t('nuisance-hub.apply.careNotDeliverable'));
        break;
      case 'ko_decided': out.push(t('nuisance-hub.decision.suitable', { value: yesNo(d.suitable, t) })); break;
      case 'home_visit_held': out.push(t('nuisance-hub.decision.careCannotBeDelivered', { value: yesNo(d.careCannotBeDeliveredHere, t) })); break;
      case 'resident_conversation': out.push(t('nuisance-hub.decision.willing', { value: t(`nuisance-hub.willing.${String(d.willing)}`) })); break;
      case 'go_decided':
        out.push(t('nuisance-hub.decision.suitable', { value: yesNo(d.suitable, t) }), t('nuisance-hub.decision.residentWilling', { value: yesNo(d.residentWilling, t) }));
        if (d.careProviderId) out.push(t('nuisance-hub.decision.careProvider', { name: orgName(d.careProviderId) }));
        out.push(d.move ? t('nuisance-hub.decision.move', { count: Number(d.termMonths ?? 0) }) : t('nuisance-hub.decision.stay'));
        if (typeof d.housingNeeds === 'string' && d.housingNeeds) out.push(t('nuisance-hub.decision.housingNeeds', { text: d.housingNeeds }));
        if (d.temporaryStay) out.push(t('nuisance-hub.go.temporaryStay'));
        break;
      case 'dwelling_mediated': out.push(String(d.address ?? '')); break;
      case 'goals_set': if (Array.isArray(d.goals)) out.push(d.goals.join('; ')); break;
      case 'evaluation_held': out.push(t('nuisance-hub.decision.goalsKept', { value: yesNo(d.goalsKept, t) }), t('nuisance-hub.decision.nuisance', { value: yesNo(d.nuisance, t) })); break;
      case 'ended': out.push(String(d.reason ?? '')); break;
      default: break;
    }
    if (typeof d.note === 'string' && d.note) out.push(d.note);
    return out.filter(Boolean);
  };
  return (
    <section aria-labelledby="nk-decisions-heading" className="tr-section">
      <Heading level={2} id="nk-decisions-heading" className="tr-section-heading">{t('nuisance-hub.case.decisionsHeading')}</Heading>
      <OrderedList data-testid="nk-events">
        {c.events.map((e) => (
          <OrderedList.Item key={e.seq}>
            {formatDate(e.occurredOn, lang)}: {txt(e.label, lang)}
            {detail(e).length > 0 && <> — {detail(e).join('. ')}</>}
          </OrderedList.Item>
        ))}
      </OrderedList>
    </section>
  );
}

function Deadlines({ c }: { c: NewChanceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="nk-deadlines-heading" className="tr-section">
      <Heading level={2} id="nk-deadlines-heading" className="tr-section-heading">{t('nuisance-hub.case.deadlinesHeading')}</Heading>
      {c.deadlines.length === 0 ? <Paragraph>{t('nuisance-hub.case.noDeadlines')}</Paragraph> : (
        <UnorderedList data-testid="nk-deadlines">
          {c.deadlines.map((d) => (
            <UnorderedList.Item key={d.key}>
              {t('nuisance-hub.case.deadlineLine', { label: txt(d.label, lang), date: formatDate(d.due, lang), who: t(`nuisance-hub.party.${d.actor}`, { defaultValue: '' }) })}
              {' '}
              {d.metOn ? <span className="tr-hint">{t('nuisance-hub.case.deadlineMet', { date: formatDate(d.metOn, lang) })}</span>
                : d.closedAs ? <span className="tr-hint">{t('nuisance-hub.case.deadlineCancelled')}</span>
                  : d.overdue ? <span className="tr-status tr-status--bad">{t('nuisance-hub.case.deadlineOverdue')}</span> : null}
            </UnorderedList.Item>
          ))}
        </UnorderedList>
      )}
      {c.deadlines.length > 0 && (
        <HelpCodes summary={t('nuisance-hub.help.summary')}>{t('nuisance-hub.help.rules', { rules: c.deadlines.map((d) => d.ruleId).join(', ') })}</HelpCodes>
      )}
    </section>
  );
}

const FORM = 'nk-step';
type Body = { type: string; occurredOn: string; data: Record<string, unknown> };

function StepForm({ c, res }: { c: NewChanceDetail; res: Resource<NewChanceDetail> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { organisations } = useAllOrganisations();
  const { pending, run } = useSubmitting();
  const [type, setType] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [yes, setYes] = useState('');
  const [willing, setWilling] = useState('');
  const [note, setNote] = useState('');
  const [goSuitable, setGoSuitable] = useState('yes');
  const [residentWilling, setResidentWilling] = useState('yes');
  const [residentAttended, setResidentAttended] = useState(false);
  const [careProviderId, setCareProviderId] = useState('');
  const [move, setMove] = useState('');
  const [termMonths, setTermMonths] = useState('');
  const [housingNeeds, setHousingNeeds] = useState('');
  const [temporaryStay, setTemporaryStay] = useState(false);
  const [address, setAddress] = useState('');
  const [corporationCode, setCorporationCode] = useState('');
  const [goals, setGoals] = useState('');
  const [goalsKept, setGoalsKept] = useState(false);
  const [nuisance, setNuisance] = useState(false);
  const [about, setAbout] = useState('');
  const [allPartiesAgree, setAllPartiesAgree] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ err: unknown; body: Body } | null>(null);

  // The server tries each step with sample data; the Large Meeting's decision then lacks the care
  // provider, which this form asks for: at its own step it is offered (the server checks it again).
  const offered = (s: NewChanceStepOption) => s.possible || (s.type === 'go_decided' && (NEW_CHANCE_TRANSITIONS.go_decided.from as ReadonlyArray<string>).includes(c.step));
  const possible = c.steps.filter(offered);
  // What still waits: the steps of the current and later parts of the route (not the ones behind it, nor after the end).
  const at = ROUTE.indexOf(c.step as (typeof ROUTE)[number]);
  const ahead = (s: NewChanceStepOption) => {
    const tr = NEW_CHANCE_TRANSITIONS[s.type as keyof typeof NEW_CHANCE_TRANSITIONS];
    return at >= 0 && c.step !== 'NK-11' && !!tr && ROUTE.indexOf(tr.step as (typeof ROUTE)[number]) >= at;
  };
  const notYet = c.steps.filter((s) => !offered(s) && s.needs.length > 0 && ahead(s));
  const careProviders = (organisations ?? []).filter((o) => o.type === 'care_provider' && o.active).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const corporations = (organisations ?? []).filter((o) => o.type === 'housing_corporation' && o.active).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const labels: Record<string, string> = {
    type: t('nuisance-hub.form.type'), occurredOn: t('nuisance-hub.form.occurredOn'), yes: type === 'home_visit_held' ? t('nuisance-hub.form.careCannotBeDelivered') : t('nuisance-hub.form.suitable'),
    willing: t('nuisance-hub.form.willing'), note: t('nuisance-hub.form.note'), goSuitable: t('nuisance-hub.form.suitable'), residentWilling: t('nuisance-hub.go.residentWilling'),
    careProviderId: t('nuisance-hub.go.careProvider'), move: t('nuisance-hub.go.move'), termMonths: t('nuisance-hub.go.termMonths'), housingNeeds: t('nuisance-hub.go.housingNeeds'),
    temporaryStay: t('nuisance-hub.go.temporaryStay'), address: t('nuisance-hub.form.dwellingAddress'), corporationCode: t('nuisance-hub.form.dwellingCorporation'),
    goals: t('nuisance-hub.form.goals'), about: t('nuisance-hub.form.about'), allPartiesAgree: t('nuisance-hub.form.allPartiesAgree'), reason: t('nuisance-hub.form.reason'),
  };
  const FIELD: Record<string, string> = {
    suitable: type === 'go_decided' ? 'goSuitable' : 'yes', careCannotBeDeliveredHere: 'yes', willing: 'willing', note: type === 'ended' ? 'reason' : 'note', residentWilling: 'residentWilling',
    careProviderId: 'careProviderId', move: 'move', termMonths: 'termMonths', housingNeeds: 'housingNeeds', temporaryStay: 'temporaryStay', address: 'address',
    corporationCode: 'corporationCode', goals: 'goals', about: 'about', allPartiesAgree: 'allPartiesAgree', reason: 'reason', occurredOn: 'occurredOn', type: 'type',
  };

  const reset = () => {
    setType(''); setYes(''); setWilling(''); setNote(''); setMove(''); setTermMonths(''); setHousingNeeds(''); setTemporaryStay(false); setCareProviderId('');
    setAddress(''); setCorporationCode(''); setGoals(''); setAbout(''); setAllPartiesAgree(false); setGoalsKept(false); setNuisance(false); setResidentAttended(false);
    setOccurredOn(today()); setErrors({});
  };

  const build = (): { body: Body | null; errors: FieldErrors } => {
    const f: FieldErrors = {};
    const data: Record<string, unknown> = {};
    const n = orNull(note);
    switch (type) {
      case 'ko_decided': case 'home_visit_held':
        if (!yes) f.yes = msg('nuisance-hub.form.chooseOne');
        data[type === 'ko_decided' ? 'suitable' : 'careCannotBeDeliveredHere'] = yes === 'yes';
        data.note = n;
        break;
      case 'resident_conversation':
        if (!willing) f.willing = msg('nuisance-hub.form.chooseOne');
        data.willing = willing; data.note = n;
        break;
      case 'uvo_held': data.note = n; break;
      case 'go_decided': {
        const mv = move === 'move';
        if (goSuitable === 'yes' && residentWilling === 'yes') {
          if (!careProviderId) f.careProviderId = msg('nuisance-hub.go.careProviderRequired');
          if (!move) f.move = msg('nuisance-hub.form.chooseOne');
          if (mv && !/^[1-9][0-9]?$/.test(termMonths.trim())) f.termMonths = msg('nuisance-hub.go.termRequired');
          if (mv && !housingNeeds.trim()) f.housingNeeds = msg('nuisance-hub.go.housingNeedsRequired');
        }
        Object.assign(data, {
          suitable: goSuitable === 'yes', residentWilling: residentWilling === 'yes', residentAttended, careProviderId: careProviderId || null, move: mv,
          termMonths: mv && termMonths.trim() ? Number(termMonths) : null, housingNeeds: mv ? orNull(housingNeeds) : null, temporaryStay: mv && temporaryStay,
        });
        break;
      }
      case 'dwelling_mediated':
        if (address.trim().length < 3) f.address = msg('nuisance-hub.form.required');
        if (!corporationCode.trim()) f.corporationCode = msg('nuisance-hub.form.chooseOne');
        data.address = address.trim(); data.corporationCode = corporationCode.trim();
        break;
      case 'goals_set': {
        const list = goals.split('\n').map((g) => g.trim()).filter((g) => g.length >= 2);
        if (!list.length) f.goals = msg('nuisance-hub.form.goalsRequired');
        data.goals = list;
        break;
      }
      case 'evaluation_held': Object.assign(data, { goalsKept, nuisance, note: n }); break;
      case 'hub_informed':
        if (!about) f.about = msg('nuisance-hub.form.chooseOne');
        data.about = about; data.note = n;
        break;
      case 'concern_signalled':
        if (note.trim().length < 3) f.note = msg('nuisance-hub.form.required');
        data.note = note.trim();
        break;
      case 'returned_to_own_name': data.allPartiesAgree = allPartiesAgree; break;
      case 'ended':
        if (note.trim().length < 3) f.reason = msg('nuisance-hub.form.required');
        data.reason = note.trim();
        break;
      default: break;
    }
    if (!type) f.type = msg('nuisance-hub.form.chooseOne');
    if (!occurredOn) f.occurredOn = msg('nuisance-hub.form.required');
    return { body: Object.keys(f).length ? null : { type, occurredOn, data }, errors: f };
  };

  const post = (body: Body, version: number | string | null) =>
    run(async () => {
      setProblem(null);
      setConflict(null);
      try {
        await api.post(`/new-chance/${c.id}/events`, body, { ifMatch: version });
        const label = c.steps.find((s) => s.type === body.type)?.label;
        announce(t('nuisance-hub.form.recorded', { step: txt(label, lang) }));
        reset();
        await res.reload();
      } catch (err) {
        if (isConflict(err)) {
          setConflict({ err, body });
          return;
        }
        const fe = refusalErrors(err, (p) => FIELD[lastSegment(p) ?? ''] ?? null);
        if (Object.keys(fe).length) setErrors(fe);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const b = build();
    setErrors(b.errors);
    if (!b.body) {
      setAttempt((a) => a + 1);
      return;
    }
    void post(b.body, res.etag ?? c.version);
  };

  const yesNoChoices = [{ value: 'yes', label: t('nuisance-hub.yes') }, { value: 'no', label: t('nuisance-hub.no') }];
  const withNote = ['ko_decided', 'home_visit_held', 'resident_conversation', 'uvo_held', 'evaluation_held', 'hub_informed', 'concern_signalled'].includes(type);

  return (
    <section aria-labelledby="nk-steps-heading" className="tr-section" data-testid="nk-steps">
      <Heading level={2} id="nk-steps-heading" className="tr-section-heading">{t('nuisance-hub.form.heading')}</Heading>
      {possible.length === 0 && <Paragraph data-testid="nk-nothing-now">{t('nuisance-hub.form.nothingNow')}</Paragraph>}
      {notYet.length > 0 && (
        <div data-testid="nk-not-yet">
          <Paragraph>{t('nuisance-hub.form.notYetIntro')}</Paragraph>
          <UnorderedList>
            {notYet.map((s) => <UnorderedList.Item key={s.type}>{txt(s.label, lang)}: {s.needs.map((x) => txt(x, lang)).join(' ')}</UnorderedList.Item>)}
          </UnorderedList>
        </div>
      )}
      {conflict && (
        <ConflictAlert error={conflict.err} onLoadLatest={() => { setConflict(null); void res.reload(); }}
          onKeepMine={() => { const body = conflict.body; void (async () => { const latest = await res.reload(); if (latest) void post(body, latest.version); })(); }} />
      )}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      {possible.length > 0 && (
        <>
          <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
          <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="nk-steps-heading" data-testid="nk-step-form">
            <SelectField form={FORM} name="type" label={labels.type!} value={type} onChange={(v) => { setType(v); setErrors({}); }} error={errors.type} placeholder={t('nuisance-hub.choose')}
              options={possible.map((s) => ({ value: s.type, label: txt(s.label, lang) }))} />
            {type && (
              <>
                <DateField form={FORM} name="occurredOn" label={labels.occurredOn!} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} max={today()} />
                {(type === 'ko_decided' || type === 'home_visit_held') && (
                  <RadioGroupField form={FORM} name="yes" label={labels.yes!} value={yes} onChange={setYes} error={errors.yes} choices={yesNoChoices}
                    hint={type === 'ko_decided' ? t('nuisance-hub.form.koHint') : t('nuisance-hub.form.homeVisitHint')} />
                )}
                {type === 'resident_conversation' && (
                  <RadioGroupField form={FORM} name="willing" label={labels.willing!} value={willing} onChange={setWilling} error={errors.willing} inline={false}
                    hint={t('nuisance-hub.form.willingHint')} choices={['yes', 'no', 'doubtful'].map((w) => ({ value: w, label: t(`nuisance-hub.willing.${w}`) }))} />
                )}
                {type === 'go_decided' && (
                  <>
                    <RadioGroupField form={FORM} name="goSuitable" label={labels.goSuitable!} value={goSuitable} onChange={setGoSuitable} error={errors.goSuitable} choices={yesNoChoices} />
                    <RadioGroupField form={FORM} name="residentWilling" label={labels.residentWilling!} hint={t('nuisance-hub.form.willingHint')} value={residentWilling} onChange={setResidentWilling} error={errors.residentWilling} choices={yesNoChoices} />
                    <CheckField form={FORM} name="residentAttended" label={t('nuisance-hub.go.residentAttended')} checked={residentAttended} onChange={setResidentAttended} />
                    <SelectField form={FORM} name="careProviderId" label={labels.careProviderId!} value={careProviderId} onChange={setCareProviderId} error={errors.careProviderId}
                      placeholder={t('nuisance-hub.choose')} options={careProviders.map((o) => ({ value: o.id, label: o.name }))} />
                    <RadioGroupField form={FORM} name="move" label={labels.move!} value={move} onChange={setMove} error={errors.move} inline={false}
                      choices={[{ value: 'move', label: t('nuisance-hub.go.moveYes') }, { value: 'stay', label: t('nuisance-hub.go.moveNo') }]} />
                    {move === 'move' && (
                      <>
                        <TextField form={FORM} name="termMonths" label={labels.termMonths!} hint={t('nuisance-hub.go.termHint')} value={termMonths} onChange={setTermMonths} error={errors.termMonths} inputMode="numeric" size={3} />
                        <TextAreaField form={FORM} name="housingNeeds" label={labels.housingNeeds!} value={housingNeeds} onChange={setHousingNeeds} error={errors.housingNeeds} />
                        <CheckField form={FORM} name="temporaryStay" label={labels.temporaryStay!} checked={temporaryStay} onChange={setTemporaryStay} error={errors.temporaryStay} />
                      </>
                    )}
                  </>
                )}
                {type === 'dwelling_mediated' && (
                  <>
                    <TextField form={FORM} name="address" label={labels.address!} value={address} onChange={setAddress} error={errors.address} />
                    <SelectField form={FORM} name="corporationCode" label={labels.corporationCode!} value={corporationCode} onChange={setCorporationCode} error={errors.corporationCode}
                      placeholder={t('nuisance-hub.choose')} options={corporations.map((o) => ({ value: o.code, label: o.name }))} />
                  </>
                )}
                {type === 'goals_set' && <TextAreaField form={FORM} name="goals" label={labels.goals!} hint={t('nuisance-hub.form.goalsHint')} value={goals} onChange={setGoals} error={errors.goals} rows={4} />}
                {type === 'evaluation_held' && (
                  <>
                    <CheckField form={FORM} name="goalsKept" label={t('nuisance-hub.form.goalsKept')} checked={goalsKept} onChange={setGoalsKept} />
                    <CheckField form={FORM} name="nuisance" label={t('nuisance-hub.form.nuisance')} checked={nuisance} onChange={setNuisance} />
                  </>
                )}
                {type === 'hub_informed' && (
                  <RadioGroupField form={FORM} name="about" label={labels.about!} value={about} onChange={setAbout} error={errors.about} inline={false}
                    choices={['evaluation', 'concern'].map((a) => ({ value: a, label: t(`nuisance-hub.form.about_${a}`) }))} />
                )}
                {type === 'returned_to_own_name' && (
                  <CheckField form={FORM} name="allPartiesAgree" label={labels.allPartiesAgree!} checked={allPartiesAgree} onChange={setAllPartiesAgree} error={errors.allPartiesAgree} />
                )}
                {withNote && <TextAreaField form={FORM} name="note" label={labels.note!} optional={type !== 'concern_signalled'} value={note} onChange={setNote} error={errors.note} />}
                {type === 'ended' && <TextAreaField form={FORM} name="reason" label={labels.reason!} value={note} onChange={setNote} error={errors.reason} />}
                <Button type="submit" disabled={pending}>{t('nuisance-hub.form.submit')}</Button>
              </>
            )}
          </form>
        </>
      )}
    </section>
  );
}

function Letters({ c, res }: { c: NewChanceDetail; res: Resource<NewChanceDetail> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { pending, run } = useSubmitting();
  const [problem, setProblem] = useState<unknown>(null);
  const issue = () =>
    void run(async () => {
      setProblem(null);
      try {
        await api.post(`/new-chance/${c.id}/letter`, {}, { ifMatch: res.etag ?? c.version });
        announce(t('nuisance-hub.letter.issued'));
        await res.reload();
      } catch (err) {
        if (isConflict(err)) void res.reload();
        setProblem(err);
      }
    });
  const showNeeds = c.letter && !c.letter.possible && c.letters.length === 0 && c.step !== 'ended';
  return (
    <section aria-labelledby="nk-letters-heading" className="tr-section" data-testid="nk-letters">
      <Heading level={2} id="nk-letters-heading" className="tr-section-heading">{t('nuisance-hub.letter.heading')}</Heading>
      {c.letter?.possible && (
        <>
          <Paragraph>{t('nuisance-hub.letter.intro')}</Paragraph>
          <Button onClick={issue} disabled={pending} data-testid="nk-issue-letter">{t('nuisance-hub.letter.issue')}</Button>
        </>
      )}
      {showNeeds && <Paragraph>{t('nuisance-hub.letter.notYet', { needs: c.letter!.needs.map((x) => txt(x, lang)).join(' ') })}</Paragraph>}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      {c.letters.length === 0 ? <Paragraph>{t('nuisance-hub.letter.none')}</Paragraph> : (
        <UnorderedList data-testid="nk-letter-list">
          {c.letters.map((l) => (
            <UnorderedList.Item key={l.id}>
              <PdfLink href={`/api/v1/nuisance/letters/${l.id}/pdf?lang=${lang}`} testId="nk-letter-pdf">
                {t(`nuisance-hub.letter.kind.${l.kind}`, { defaultValue: t('nuisance-hub.letter.kind.other') })}, {formatDate(l.issuedOn, lang)}
              </PdfLink>
            </UnorderedList.Item>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
