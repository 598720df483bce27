/**
 * One offer (matching.md §4.2, §5.1 step 6): the dwelling, the parties, the deadlines in words, and
 * what the caller can do now — and, when a step is not possible yet, why. Utrecht model: the
 * corporation sees the proposal with an explanation per candidate and chooses ("Kies"; a reason
 * when not number 1). Amsterdam model: the care provider sees its own clients ranked for the
 * dwelling and nominates one in its reply. The ranking is advice: people decide (R-MA-11).
 * A 412 keeps the input and offers to record it on the newest version.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DescriptionList, Heading, Link, LinkList, OrderedList, Paragraph, Table, UnorderedList } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ErrorSummary, SelectField, TextAreaField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource, type Resource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { CheckField, CheckboxGroupField, DateField, RadioGroupField, today } from '../trajectories/common.tsx';
import { DwellingFacts } from './DwellingPage.tsx';
import { CLOSED_OFFER_STATUSES, HelpCodes, codesOf, addressLine, lastSegment, refusalErrors, textLines, txt, type CandidateView, type CandidatesResponse, type OfferDetail } from './common.tsx';

export function OfferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const res = useResource<OfferDetail>(`/offers/${id}`);
  const o = res.data;
  // Explanations come in the language asked for: ask again when the UI language changes.
  useEffect(() => {
    if (res.data) void res.reload();
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const title = o ? t('matching.offer.title', { address: addressLine(o.dwelling.address) }) : t('matching.offer.titleLoading');
  return (
    <Column gap="large">
      <PageHeading title={title}>{title}</PageHeading>
      <LinkList>
        <LinkList.Link href="/aanbiedingen" linkComponent={RouterLink}>{t('matching.offers.back')}</LinkList.Link>
      </LinkList>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !o && <Loading />}
      {o && <OfferBody o={o} res={res} />}
    </Column>
  );
}

function OfferBody({ o, res }: { o: OfferDetail; res: Resource<OfferDetail> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { activeMembership } = useSession();
  const careProvider = activeMembership?.organisationType === 'care_provider';
  const [nominee, setNominee] = useState('');
  const [chooseFor, setChooseFor] = useState<CandidateView | null>(null);
  const can = (type: string) => o.steps.some((s) => s.type === type && s.possible);
  const closed = CLOSED_OFFER_STATUSES.includes(o.status);
  const showCandidates = careProvider && o.model === 'OM-AMS' && o.status === 'offered';
  return (
    <>
      <section aria-labelledby="offer-summary-heading" className="tr-section">
        <Heading level={2} id="offer-summary-heading" className="tr-section-heading">{t('matching.offer.summaryHeading')}</Heading>
        {o.stalled && (
          <Alert severity="warning" headingLevel={3} heading={t('matching.offer.stalledHeading')} className="tr-alert" data-testid="offer-stalled">
            <UnorderedList>
              {(o.stalledBy ?? []).map((s) => <UnorderedList.Item key={s.ruleId}>{t('matching.offer.stalledLine', { label: txt(s.label, lang), date: formatDate(s.due, lang) })}</UnorderedList.Item>)}
            </UnorderedList>
          </Alert>
        )}
        <DescriptionList>
          <DescriptionList.Term>{t('matching.offers.status')}</DescriptionList.Term>
          <DescriptionList.Description><span data-testid="offer-status">{t(`matching.offerStatus.${o.status}`)}</span></DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offer.model')}</DescriptionList.Term>
          <DescriptionList.Description>{t(`matching.model.${o.model}`)}</DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offer.corporation')}</DescriptionList.Term>
          <DescriptionList.Description>{o.corporation.name ?? '—'}</DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offer.careProvider')}</DescriptionList.Term>
          <DescriptionList.Description>{o.careProvider?.name ?? t('matching.offer.careProviderNotYet')}</DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offers.client')}</DescriptionList.Term>
          <DescriptionList.Description data-testid="offer-client">
            {o.client ? (careProvider ? <Link href={`/trajecten/${o.client.trajectoryId}`} linkComponent={RouterLink}>{o.client.name ?? t('matching.offer.clientNamed')}</Link> : (o.client.name ?? t('matching.offer.clientNamed'))) : t('matching.offer.noClientYet')}
          </DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offers.offeredOn')}</DescriptionList.Term>
          <DescriptionList.Description>{formatDate(o.offeredOn, lang)}</DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offer.leaseType')}</DescriptionList.Term>
          <DescriptionList.Description>{t(`matching.leaseType.${o.leaseType}`, { defaultValue: o.leaseType })}</DescriptionList.Description>
          <DescriptionList.Term>{t('matching.offer.extraClauses')}</DescriptionList.Term>
          <DescriptionList.Description>{o.extraClauses.length ? o.extraClauses.join('; ') : t('common.none')}</DescriptionList.Description>
        </DescriptionList>
        {o.oneTimeOffer && <Paragraph size="small">{t('matching.offer.oneTime')}</Paragraph>}
      </section>

      {o.deadlines.length > 0 && <Deadlines o={o} />}

      {o.proposal && <ProposalSection o={o} onChoose={setChooseFor} mayChoose={can('candidate_chosen')} />}
      {chooseFor && can('candidate_chosen') && <ChooseForm key={chooseFor.trajectoryId} o={o} res={res} candidate={chooseFor} onDone={() => setChooseFor(null)} />}

      {showCandidates && <OwnCandidates o={o} onNominate={(id) => {
        setNominee(id);
        setTimeout(() => document.getElementById('offer-step-heading')?.focus(), 0);
      }} />}

      {!closed && <StepSection o={o} res={res} nominee={nominee} setNominee={setNominee} />}

      <History o={o} />
      <DwellingFacts d={o.dwelling} />
    </>
  );
}

function Deadlines({ o }: { o: OfferDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="offer-deadlines-heading" className="tr-section">
      <Heading level={2} id="offer-deadlines-heading" className="tr-section-heading">{t('matching.offer.deadlinesHeading')}</Heading>
      <TableScroll label={t('matching.offer.deadlinesHeading')}>
        <Table className="tr-table" data-testid="offer-deadlines">
          <Table.Caption className="ams-visually-hidden">{t('matching.offer.deadlinesHeading')}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t('matching.offer.deadline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('matching.offer.due')}</Table.HeaderCell>
              <Table.HeaderCell>{t('matching.offers.status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {o.deadlines.map((d) => (
              <Table.Row key={d.ruleId}>
                <Table.Cell>{txt(d.label, lang)}</Table.Cell>
                <Table.Cell className="tr-nowrap">{formatDate(d.due, lang)}</Table.Cell>
                <Table.Cell>
                  <span className={`tr-status tr-status--${d.status === 'met' ? 'ok' : d.status === 'missed' ? 'bad' : d.status === 'cancelled' ? 'muted' : 'info'}`}>
                    {d.status === 'met' && d.metOn ? t('matching.deadlineStatus.metOn', { date: formatDate(d.metOn, lang) }) : t(`matching.deadlineStatus.${d.status ?? 'open'}`, { defaultValue: d.status })}
                  </span>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <HelpCodes summary={t('matching.help.rulesSummary')}>
        {t('matching.help.rules', { rules: o.deadlines.map((d) => d.ruleId).join(', ') })}
      </HelpCodes>
    </section>
  );
}

/** One candidate with its plain-language explanation; the criteria codes only in the help disclosure. */
function CandidateCard({ c, action }: { c: CandidateView; action?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const lines = textLines(c.explanation, lang);
  return (
    <li className="tr-panel" data-testid="candidate" aria-labelledby={`cand-${c.trajectoryId}`}>
      <Heading level={3} id={`cand-${c.trajectoryId}`}>
        {c.rank ? t('matching.candidate.rankName', { rank: c.rank, name: c.name ?? t('matching.candidate.unnamed') }) : (c.name ?? t('matching.candidate.unnamed'))}
      </Heading>
      <Paragraph>
        {c.score !== null ? t('matching.candidate.score', { score: c.score }) : t(`matching.eligibility.${c.eligibility}`)}
        {c.eligibility === 'NEEDS_CHECK' && c.score !== null && ` — ${t('matching.eligibility.NEEDS_CHECK')}`}
        {typeof c.waitDays === 'number' && ` · ${t('matching.candidate.wait', { days: c.waitDays })}`}
        {c.householdSize ? ` · ${t('matching.candidate.household', { count: c.householdSize })}` : ''}
        {c.careProvider ? ` · ${c.careProvider}` : ''}
      </Paragraph>
      {lines.length > 0 && (
        <UnorderedList data-testid="candidate-explanation">
          {lines.map((l, i) => <UnorderedList.Item key={i}>{l}</UnorderedList.Item>)}
        </UnorderedList>
      )}
      {((c.breakdown?.length ?? 0) > 0 || (c.failing?.length ?? 0) > 0 || codesOf(c.explanation).length > 0) && (
        <HelpCodes summary={t('matching.candidate.criteriaSummary')}>
          {[...new Set([...(c.failing ?? []), ...codesOf(c.explanation)])].join(', ')}
          {(c.breakdown ?? []).length > 0 && ` — ${(c.breakdown ?? []).map((b) => `${b.code}: ${b.unknown ? t('matching.candidate.unknown') : `−${b.penalty}`}`).join('; ')}`}
        </HelpCodes>
      )}
      {action && <div>{action}</div>}
    </li>
  );
}

function ProposalSection({ o, onChoose, mayChoose }: { o: OfferDetail; onChoose: (c: CandidateView) => void; mayChoose: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = o.proposal!;
  const warnings = textLines(p.warnings, lang);
  return (
    <section aria-labelledby="proposal-heading" className="tr-section" data-testid="proposal">
      <Heading level={2} id="proposal-heading" className="tr-section-heading">{t('matching.proposal.heading')}</Heading>
      <Paragraph>{t('matching.proposal.intro')}</Paragraph>
      {p.short && <Paragraph>{t('matching.proposal.short', { count: p.candidates.length })}</Paragraph>}
      {warnings.length > 0 && (
        <Alert severity="warning" headingLevel={3} heading={t('matching.proposal.warnings')} className="tr-alert">
          <UnorderedList>{warnings.map((w, i) => <UnorderedList.Item key={i}>{w}</UnorderedList.Item>)}</UnorderedList>
        </Alert>
      )}
      {p.chosen && <Paragraph data-testid="proposal-chosen">{t('matching.proposal.chosen', { rank: p.chosen.rank ?? '?', name: p.candidates.find((c) => c.trajectoryId === p.chosen!.trajectoryId)?.name ?? '' })}{p.chosen.reason ? ` ${t('matching.proposal.reasonWas', { reason: p.chosen.reason })}` : ''}</Paragraph>}
      {p.candidates.length === 0 && <Paragraph>{t('matching.proposal.none')}</Paragraph>}
      <ol className="tr-plain-list">
        {p.candidates.map((c) => (
          <CandidateCard key={c.trajectoryId} c={c} action={mayChoose ? (
            <Button variant="secondary" onClick={() => onChoose(c)} aria-describedby={`cand-${c.trajectoryId}`}>{t('matching.proposal.choose')}</Button>
          ) : undefined} />
        ))}
      </ol>
      <HelpCodes summary={t('matching.help.howRanked')}>{t('matching.help.howRankedText', { version: p.configVersion })}</HelpCodes>
    </section>
  );
}

function OwnCandidates({ o, onNominate }: { o: OfferDetail; onNominate: (trajectoryId: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useResource<CandidatesResponse>(`/offers/${o.id}/candidates`);
  useEffect(() => {
    if (res.data) void res.reload();
  }, [lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const warnings = textLines(res.data?.warnings, lang);
  return (
    <section aria-labelledby="own-candidates-heading" className="tr-section" data-testid="own-candidates">
      <Heading level={2} id="own-candidates-heading" className="tr-section-heading">{t('matching.candidates.heading')}</Heading>
      <Paragraph>{t('matching.candidates.intro')}</Paragraph>
      {res.error !== null && <ProblemAlert error={res.error} headingLevel={3} onRetry={() => void res.reload()} />}
      {res.loading && !res.data && <Loading />}
      {warnings.length > 0 && (
        <Alert severity="warning" headingLevel={3} heading={t('matching.proposal.warnings')} className="tr-alert">
          <UnorderedList>{warnings.map((w, i) => <UnorderedList.Item key={i}>{w}</UnorderedList.Item>)}</UnorderedList>
        </Alert>
      )}
      {res.data && res.data.candidates.length === 0 && <Paragraph>{t('matching.candidates.none')}</Paragraph>}
      {res.data && res.data.candidates.length > 0 && (
        <ol className="tr-plain-list">
          {res.data.candidates.map((c) => (
            <CandidateCard key={c.trajectoryId} c={c} action={c.eligibility === 'ELIGIBLE' ? (
              <Button variant="secondary" onClick={() => onNominate(c.trajectoryId)} aria-describedby={`cand-${c.trajectoryId}`}>{t('matching.candidates.nominate')}</Button>
            ) : undefined} />
          ))}
        </ol>
      )}
      {res.data && res.data.ineligible.length > 0 && (
        <details className="tr-details">
          <summary>{t('matching.candidates.ineligible', { count: res.data.ineligible.length })}</summary>
          <UnorderedList>
            {res.data.ineligible.map((c) => <UnorderedList.Item key={c.trajectoryId}>{c.name}: {textLines(c.explanation, lang).join(' ')}</UnorderedList.Item>)}
          </UnorderedList>
        </details>
      )}
    </section>
  );
}

/** Records an event; a 412 keeps the input and lets the user record it on the newest version. */
function useRecord(o: OfferDetail, res: Resource<OfferDetail>) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [conflict, setConflict] = useState<{ err: unknown; body: unknown } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const post = (body: { type: string; occurredOn: string; data: Record<string, unknown> }, version: number | string | null, onError: (err: unknown) => void, onDone: () => void) =>
    run(async () => {
      setProblem(null);
      setConflict(null);
      try {
        await api.post(`/offers/${o.id}/events`, body, { ifMatch: version });
        announce(t('matching.step.recorded', { step: t(`matching.eventType.${body.type}`) }));
        onDone();
        await res.reload();
      } catch (err) {
        if (isConflict(err)) setConflict({ err, body });
        else onError(err);
      }
    });
  const conflictAlert = conflict && (
    <ConflictAlert
      error={conflict.err}
      onLoadLatest={() => { setConflict(null); void res.reload(); }}
      onKeepMine={() => {
        const body = conflict.body as { type: string; occurredOn: string; data: Record<string, unknown> };
        void (async () => {
          const latest = await res.reload();
          if (latest) void post(body, latest.version, setProblem, () => {});
        })();
      }}
    />
  );
  return { post, pending, conflictAlert, problem, setProblem };
}

const fieldOfPointer = (p: string) => {
  const f = lastSegment(p);
  return f === 'occurredOn' || f === 'reason' || f === 'reasons' || f === 'reasonCodes' || f === 'trajectoryId' || f === 'reply' || f === 'choicesDiscussed' || f === 'woningnetWithdrawn' || f === 'outcome' ? f : null;
};

function ChooseForm({ o, res, candidate, onDone }: { o: OfferDetail; res: Resource<OfferDetail>; candidate: CandidateView; onDone: () => void }) {
  const { t } = useTranslation();
  const FORM = 'choose';
  const [occurredOn, setOccurredOn] = useState(today());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const rec = useRecord(o, res);
  const rank = candidate.rank ?? 1;
  const labels = { occurredOn: t('matching.step.occurredOn'), reason: t('matching.proposal.reason') };
  useEffect(() => document.getElementById('choose-heading')?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!occurredOn) local.occurredOn = msg('form.required');
    if (rank !== 1 && !reason.trim()) local.reason = msg('matching.proposal.reasonRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void rec.post({ type: 'candidate_chosen', occurredOn, data: { trajectoryId: candidate.trajectoryId, rank, ...(reason.trim() ? { reason: reason.trim() } : {}) } }, o.version, (err) => {
      const f = refusalErrors(err, fieldOfPointer);
      if (Object.keys(f).length) setErrors(f);
      else rec.setProblem(err);
      setAttempt((a) => a + 1);
    }, onDone);
  };
  return (
    <section aria-labelledby="choose-heading" className="tr-section" data-testid="choose-form">
      <Heading level={2} id="choose-heading" tabIndex={-1} className="tr-section-heading">{t('matching.proposal.chooseHeading', { name: candidate.name ?? '', rank })}</Heading>
      {rank !== 1 && <Paragraph>{t('matching.proposal.reasonIntro')}</Paragraph>}
      {rec.conflictAlert}
      {rec.problem !== null && <ProblemAlert error={rec.problem} headingLevel={3} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="choose-heading">
        <DateField form={FORM} name="occurredOn" label={labels.occurredOn} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} max={today()} />
        <TextAreaField form={FORM} name="reason" label={labels.reason} optional={rank === 1} value={reason} onChange={setReason} error={errors.reason} />
        <Button type="submit" disabled={rec.pending}>{t('matching.proposal.confirmChoice')}</Button>{' '}
        <Button type="button" variant="tertiary" onClick={onDone}>{t('common.cancel')}</Button>
      </form>
    </section>
  );
}

/** Steps recorded through the general form (the choice of a candidate has its own form on the proposal). */
const FORM_STEPS = ['replied', 'viewing_held', 'refused', 'client_informed', 'client_refused', 'case_review_held', 'match_final', 'withdrawn'];

function StepSection({ o, res, nominee, setNominee }: { o: OfferDetail; res: Resource<OfferDetail>; nominee: string; setNominee: (v: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const FORM = 'offer-step';
  const possible = o.steps.filter((s) => s.possible && FORM_STEPS.includes(s.type));
  const notYet = o.steps.filter((s) => !s.possible && s.reason);
  const [type, setType] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [reply, setReply] = useState('accept');
  const [reasonCodes, setReasonCodes] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const [nomineeReason, setNomineeReason] = useState('');
  const [newRegistration, setNewRegistration] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const rec = useRecord(o, res);
  const candidates = useResource<CandidatesResponse>(o.model === 'OM-AMS' && o.status === 'offered' && possible.some((s) => s.type === 'replied') ? `/offers/${o.id}/candidates` : null);
  useEffect(() => {
    if (nominee) {
      setType('replied');
      setReply('accept');
    }
  }, [nominee]);
  useEffect(() => {
    if (type && !possible.some((s) => s.type === type)) setType('');
  }, [o.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const needsNominee = type === 'replied' && o.status === 'offered' && reply !== 'decline';
  // R-MA-11: the ranking is advice; nominating another client than number 1 is done with a reason.
  const nomineeRank = (candidates.data?.candidates ?? []).find((c) => c.trajectoryId === nominee)?.rank ?? null;
  const needsNomineeReason = needsNominee && !!nominee && nomineeRank !== null && nomineeRank !== 1;
  const reasonsFor = type === 'refused' || (type === 'replied' && reply === 'decline');
  const labels: Record<string, string> = {
    type: t('matching.step.which'), occurredOn: t('matching.step.occurredOn'), reply: t('matching.step.reply'), trajectoryId: t('matching.step.nominee'),
    reasonCodes: t('matching.step.reasonCodes'), reasons: t('matching.step.reasons'), reason: t('matching.step.withdrawReason'), outcome: t('matching.step.outcome'),
    choicesDiscussed: t('matching.step.choicesDiscussed'), woningnetWithdrawn: t('matching.step.woningnetWithdrawn'), nomineeReason: t('matching.step.nomineeReason'),
  };
  const textField = type === 'withdrawn' ? 'reason' : type === 'case_review_held' ? 'outcome' : 'reasons';

  const reset = () => {
    setType('');
    setText('');
    setReasonCodes([]);
    setChecked(false);
    setNomineeReason('');
    setErrors({});
    setNominee('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!type) local.type = msg('matching.step.chooseStep');
    if (!occurredOn) local.occurredOn = msg('form.required');
    if (needsNominee && !nominee) local.trajectoryId = msg('matching.step.nomineeRequired');
    if (needsNomineeReason && !nomineeReason.trim()) local.nomineeReason = msg('matching.step.nomineeReasonRequired');
    if (reasonsFor && reasonCodes.length === 0) local.reasonCodes = msg('matching.step.reasonCodesRequired');
    if ((reasonsFor || ['client_refused', 'withdrawn', 'case_review_held'].includes(type)) && !text.trim()) local[textField] = msg('form.required');
    if (type === 'client_informed' && !checked) local.choicesDiscussed = msg('matching.step.choicesRequired');
    if (type === 'match_final' && !checked) local.woningnetWithdrawn = msg('matching.step.woningnetRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    const data: Record<string, unknown> =
      type === 'replied' ? { reply, ...(needsNominee ? { trajectoryId: nominee } : {}), ...(needsNomineeReason ? { reason: nomineeReason.trim() } : {}), ...(reply === 'decline' ? { reasonCodes, reasons: text.trim() } : {}) }
        : type === 'refused' ? { reasonCodes, reasons: text.trim() }
          : type === 'client_informed' ? { choicesDiscussed: checked }
            : type === 'client_refused' ? { reasons: text.trim() }
              : type === 'case_review_held' ? { outcome: text.trim() }
                : type === 'match_final' ? { woningnetWithdrawn: checked, newRegistration }
                  : type === 'withdrawn' ? { reason: text.trim() } : {};
    void rec.post({ type, occurredOn, data }, o.version, (err) => {
      const f = refusalErrors(err, (p) => {
        const name = fieldOfPointer(p);
        return name === 'reason' && type === 'replied' ? 'nomineeReason' : name;
      });
      if (Object.keys(f).length) setErrors(f);
      else rec.setProblem(err);
      setAttempt((a) => a + 1);
    }, reset);
  };

  const nomineeOptions = (candidates.data?.candidates ?? []).filter((c) => c.eligibility === 'ELIGIBLE').map((c) => ({ value: c.trajectoryId, label: c.rank ? `${c.rank}. ${c.name ?? ''}` : (c.name ?? '') }));
  const reasonChoices = o.refusalReasons.map((r) => ({ value: r.code, label: txt(r.label, lang) }));

  return (
    <section aria-labelledby="offer-step-heading" className="tr-section" data-testid="offer-steps">
      <Heading level={2} id="offer-step-heading" tabIndex={-1} className="tr-section-heading">{t('matching.step.heading')}</Heading>
      {possible.length === 0 && <Paragraph data-testid="no-step-now">{t('matching.step.nothingNow')}</Paragraph>}
      {notYet.length > 0 && (
        <div data-testid="steps-not-yet">
          <Paragraph>{t('matching.step.notYetIntro')}</Paragraph>
          <UnorderedList>
            {notYet.map((s) => <UnorderedList.Item key={s.type}>{t(`matching.eventType.${s.type}`)}: {txt(s.reason, lang)}</UnorderedList.Item>)}
          </UnorderedList>
        </div>
      )}
      {possible.length > 0 && (
        <>
          {rec.conflictAlert}
          {rec.problem !== null && <ProblemAlert error={rec.problem} headingLevel={3} />}
          <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
          <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="offer-step-heading" data-testid="offer-step-form">
            <SelectField form={FORM} name="type" label={labels.type!} value={type} onChange={(v) => { setType(v); setErrors({}); }} error={errors.type} placeholder={t('matching.choose')}
              options={possible.map((s) => ({ value: s.type, label: t(`matching.eventType.${s.type}`) }))} />
            {type && (
              <>
                <DateField form={FORM} name="occurredOn" label={labels.occurredOn!} value={occurredOn} onChange={setOccurredOn} error={errors.occurredOn} max={today()} />
                {type === 'replied' && (
                  <RadioGroupField form={FORM} name="reply" label={labels.reply!} value={reply} onChange={setReply} error={errors.reply} inline={false}
                    choices={(o.status === 'viewing' ? ['accept'] : ['accept', 'request_viewing', 'decline']).map((r) => ({ value: r, label: t(`matching.reply.${r}`) }))} />
                )}
                {needsNominee && (
                  <SelectField form={FORM} name="trajectoryId" label={labels.trajectoryId!} hint={t('matching.step.nomineeHint')} value={nominee} onChange={setNominee} error={errors.trajectoryId}
                    placeholder={t('matching.choose')} options={nomineeOptions} />
                )}
                {needsNomineeReason && (
                  <TextAreaField form={FORM} name="nomineeReason" label={labels.nomineeReason!} hint={t('matching.step.nomineeReasonHint', { rank: nomineeRank })} value={nomineeReason} onChange={setNomineeReason} error={errors.nomineeReason} />
                )}
                {reasonsFor && (
                  <CheckboxGroupField form={FORM} name="reasonCodes" label={labels.reasonCodes!} values={reasonCodes} onChange={setReasonCodes} error={errors.reasonCodes} choices={reasonChoices} />
                )}
                {(reasonsFor || ['client_refused', 'withdrawn', 'case_review_held'].includes(type)) && (
                  <TextAreaField form={FORM} name={textField} label={labels[textField]!} value={text} onChange={setText} error={errors[textField]} />
                )}
                {type === 'client_informed' && (
                  <CheckField form={FORM} name="choicesDiscussed" label={labels.choicesDiscussed!} checked={checked} onChange={setChecked} error={errors.choicesDiscussed} />
                )}
                {type === 'match_final' && (
                  <>
                    <CheckField form={FORM} name="woningnetWithdrawn" label={labels.woningnetWithdrawn!} checked={checked} onChange={setChecked} error={errors.woningnetWithdrawn} />
                    <CheckField form={FORM} name="newRegistration" label={t('matching.step.newRegistration')} checked={newRegistration} onChange={setNewRegistration} />
                  </>
                )}
                <Button type="submit" disabled={rec.pending}>{t('matching.step.record')}</Button>
              </>
            )}
          </form>
        </>
      )}
    </section>
  );
}

function History({ o }: { o: OfferDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="offer-history-heading" className="tr-section">
      <Heading level={2} id="offer-history-heading" className="tr-section-heading">{t('matching.offer.historyHeading')}</Heading>
      <OrderedList data-testid="offer-history">
        {o.events.map((e) => (
          <OrderedList.Item key={e.seq}>
            {formatDate(e.occurredOn, lang)}: {t(`matching.eventType.${e.type}`)}
            {e.type === 'replied' && typeof e.data.reply === 'string' && ` (${t(`matching.reply.${e.data.reply}`)})`}
            {typeof e.data.reason === 'string' && e.data.reason && ` — ${e.data.reason}`}
            {typeof e.data.reasons === 'string' && e.data.reasons && ` — ${e.data.reasons}`}
          </OrderedList.Item>
        ))}
      </OrderedList>
    </section>
  );
}
