/**
 * "Overlast melden" (overlast.md §3): a new report from the channels of the user's party, about a
 * client (care provider), a dwelling or an address (corporation). Before it is made the open case
 * at that address is shown with its earlier reports and linking is proposed ("Deze melding hoort
 * bij de lopende zaak"); a 409 link proposal from the API is shown the same way.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Column, Heading, Paragraph } from '@amsterdam/design-system-react';
import { api, ApiError } from '../../api/client.ts';
import type { ClientListItem, ListResponse } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, msg, orNull, plainMessage, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { DateField, RadioGroupField, today } from '../trajectories/common.tsx';
import { addressLine, type Dwelling } from '../matching/common.tsx';
import { CHANNEL_LABELS, KIND_LABELS, RELATIONS, refusalAsErrors, txt, type ReportView } from './common.tsx';

const FORM = 'nuisance-report';
const FIELDS = ['channel', 'nuisanceType', 'description', 'occurredOn', 'occurredTime', 'name', 'phone', 'email', 'relation', 'trajectoryId', 'dwellingId', 'postcode', 'houseNumber'] as const;

interface Related { address: string; hasSupport: boolean; openCase: { id: string; status: string; openedOn: string; readable: boolean; reports: ReportView[]; reportCount: number } | null }
interface Proposal { caseId: string; reports: ReportView[]; address: string | null; readable: boolean }

export function NuisanceReportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { activeMembership } = useSession();
  const corporation = activeMembership?.organisationType === 'housing_corporation';
  const channels = corporation ? ['C2', 'C3', 'C5'] : ['C1', 'C3', 'C5'];
  const clients = useResource<ListResponse<ClientListItem>>(corporation ? null : '/clients', { status: 'active', limit: 100 });
  const dwellings = useResource<Dwelling[]>(corporation ? '/dwellings' : null);
  const [v, setV] = useState({
    channel: channels[0]!, nuisanceType: 'noise', description: '', occurredOn: today(), occurredTime: '', name: '', phone: '', email: '', relation: corporation ? 'corporation' : 'neighbour',
    trajectoryId: '', dwellingId: '', aboutMode: 'dwelling', postcode: '', houseNumber: '', houseLetter: '', addition: '',
  });
  const set = (k: keyof typeof v) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [related, setRelated] = useState<Related | null>(null);
  const [relatedProblem, setRelatedProblem] = useState<{ nl: string; en: string } | null>(null);
  const { pending, run } = useSubmitting();

  const aboutQuery = (): Record<string, string | number> | null => {
    if (!corporation) return v.trajectoryId ? { trajectoryId: v.trajectoryId } : null;
    if (v.aboutMode === 'dwelling') return v.dwellingId ? { dwellingId: v.dwellingId } : null;
    const n = Number(v.houseNumber);
    return v.postcode.trim() && Number.isInteger(n) && n > 0 ? { postcode: v.postcode.replace(/\s+/g, '').toUpperCase(), houseNumber: n, ...(v.houseLetter.trim() ? { houseLetter: v.houseLetter.trim() } : {}), ...(v.addition.trim() ? { addition: v.addition.trim() } : {}) } : null;
  };
  const aboutKey = JSON.stringify(aboutQuery());

  // The open case at the chosen address, shown before the report is made.
  useEffect(() => {
    const q = JSON.parse(aboutKey) as Record<string, string | number> | null;
    setProposal(null);
    setRelated(null);
    setRelatedProblem(null);
    if (!q) return;
    let live = true;
    api.get<Related>('/nuisance/reports/related', { query: q }).then((r) => {
      if (!live) return;
      setRelated(r.data);
      if (r.data.openCase) setProposal({ caseId: r.data.openCase.id, reports: r.data.openCase.reports, address: r.data.address, readable: r.data.openCase.readable });
    }).catch((err: unknown) => {
      // The check is repeated on submit; a refusal of the address is said now, in words.
      if (live && err instanceof ApiError && err.status >= 400 && err.status < 500) setRelatedProblem({ nl: plainMessage(err.problem.messages?.nl.detail ?? err.problem.detail), en: plainMessage(err.problem.messages?.en.detail ?? err.problem.detail) });
    });
    return () => { live = false; };
  }, [aboutKey]);

  const labels: Record<string, string> = {
    channel: t('nuisance.report.channel'), nuisanceType: t('nuisance.report.kind'), description: t('nuisance.report.description'), occurredOn: t('nuisance.report.occurredOn'),
    occurredTime: t('nuisance.report.occurredTime'), name: t('nuisance.report.name'), phone: t('nuisance.report.phone'), email: t('nuisance.report.email'), relation: t('nuisance.report.relation'),
    trajectoryId: t('nuisance.report.client'), dwellingId: t('nuisance.report.dwelling'), postcode: t('nuisance.report.postcode'), houseNumber: t('nuisance.report.houseNumber'),
  };

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (v.description.trim().length < 3) e.description = msg('nuisance.report.descriptionRequired');
    if (v.occurredTime && !/^([01]\d|2[0-3])[:.][0-5]\d$/.test(v.occurredTime.trim())) e.occurredTime = msg('nuisance.report.timeFormat');
    if (v.occurredTime && !v.occurredOn) e.occurredOn = msg('form.required');
    if (!corporation && !v.trajectoryId) e.trajectoryId = msg('nuisance.report.clientRequired');
    if (corporation && v.aboutMode === 'dwelling' && !v.dwellingId) e.dwellingId = msg('nuisance.report.dwellingRequired');
    if (corporation && v.aboutMode === 'address') {
      if (!/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(v.postcode.trim())) e.postcode = msg('nuisance.report.postcodeFormat');
      if (!/^[1-9][0-9]{0,4}$/.test(v.houseNumber.trim())) e.houseNumber = msg('nuisance.report.houseNumberFormat');
    }
    return e;
  };

  const submit = (caseId: string | null) => run(async () => {
    const local = validate();
    setAttempt((n) => n + 1);
    setErrors(local);
    if (Object.keys(local).length) return;
    const about = corporation
      ? v.aboutMode === 'dwelling' ? { dwellingId: v.dwellingId } : { address: { postcode: v.postcode.trim(), houseNumber: Number(v.houseNumber), houseLetter: orNull(v.houseLetter), addition: orNull(v.addition) } }
      : { trajectoryId: v.trajectoryId };
    const time = v.occurredTime.trim().replace('.', ':');
    const body = {
      channel: v.channel, nuisanceType: v.nuisanceType, description: v.description.trim(),
      occurredAt: v.occurredOn ? `${v.occurredOn}T${time || '12:00'}` : null,
      reporter: { name: orNull(v.name), phone: orNull(v.phone), email: orNull(v.email), relation: v.relation },
      about, ...(caseId ? { caseId } : {}),
    };
    try {
      const res = await api.post<{ caseId: string }>('/nuisance/reports', body);
      announce(t('nuisance.report.done'));
      navigate(`/overlast/zaken/${res.data.caseId}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.problem.code === 'link_proposed') {
        const p = err.problem as unknown as { proposedCaseId: string; earlierReports?: ReportView[] };
        setProposal({ caseId: p.proposedCaseId, reports: p.earlierReports ?? [], address: related?.address ?? null, readable: (p.earlierReports ?? []).length > 0 });
        announce(t('nuisance.report.linkHeading'));
        return;
      }
      setErrors(refusalAsErrors(err, FIELDS, 'description'));
    }
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(null);
  };

  return (
    <Column gap="large">
      <PageHeading>{t('nuisance.report.title')}</PageHeading>
      <Paragraph>{t('nuisance.report.intro')}</Paragraph>
      <form id={FORM} noValidate onSubmit={onSubmit} className="tr-form">
        <Column gap="small">
          <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
          <Heading level={2} className="tr-section-heading">{t('nuisance.report.aboutHeading')}</Heading>
          {!corporation && (
            <SelectField form={FORM} name="trajectoryId" label={labels.trajectoryId!} value={v.trajectoryId} onChange={set('trajectoryId')} error={errors.trajectoryId}
              placeholder={t('nuisance.report.choose')} options={(clients.data?.items ?? []).map((c) => ({ value: c.trajectoryId, label: c.name }))} />
          )}
          {corporation && (
            <>
              <RadioGroupField form={FORM} name="aboutMode" label={t('nuisance.report.aboutMode')} value={v.aboutMode} onChange={set('aboutMode')}
                choices={[{ value: 'dwelling', label: t('nuisance.report.aboutDwelling') }, { value: 'address', label: t('nuisance.report.aboutAddress') }]} />
              {v.aboutMode === 'dwelling' ? (
                <SelectField form={FORM} name="dwellingId" label={labels.dwellingId!} value={v.dwellingId} onChange={set('dwellingId')} error={errors.dwellingId}
                  placeholder={t('nuisance.report.choose')} options={(dwellings.data ?? []).map((d) => ({ value: d.id, label: addressLine(d.address) }))} />
              ) : (
                <div>
                  <TextField form={FORM} name="postcode" label={labels.postcode!} value={v.postcode} onChange={set('postcode')} error={errors.postcode} autoComplete="postal-code" />
                  <TextField form={FORM} name="houseNumber" label={labels.houseNumber!} value={v.houseNumber} onChange={set('houseNumber')} error={errors.houseNumber} inputMode="numeric" />
                  <TextField form={FORM} name="houseLetter" label={t('nuisance.report.houseLetter')} optional value={v.houseLetter} onChange={set('houseLetter')} />
                  <TextField form={FORM} name="addition" label={t('nuisance.report.addition')} optional value={v.addition} onChange={set('addition')} />
                </div>
              )}
            </>
          )}
          {relatedProblem && <Paragraph size="small" data-testid="nuisance-related-problem"><span className="tr-status tr-status--bad tr-status--wrap">{relatedProblem[lang]}</span></Paragraph>}
          {related && !related.openCase && <Paragraph size="small" data-testid="nuisance-no-open-case">{t('nuisance.report.noOpenCase', { address: related.address })}</Paragraph>}
          {related && !related.hasSupport && <Paragraph size="small">{t('nuisance.report.noSupport')}</Paragraph>}

          <Heading level={2} className="tr-section-heading">{t('nuisance.report.whatHeading')}</Heading>
          <SelectField form={FORM} name="channel" label={labels.channel!} value={v.channel} onChange={set('channel')} error={errors.channel}
            options={channels.map((c) => ({ value: c, label: txt(CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS], lang) }))} />
          <SelectField form={FORM} name="nuisanceType" label={labels.nuisanceType!} value={v.nuisanceType} onChange={set('nuisanceType')} error={errors.nuisanceType}
            options={Object.entries(KIND_LABELS).map(([k, w]) => ({ value: k, label: txt(w, lang) }))} />
          <TextAreaField form={FORM} name="description" label={labels.description!} value={v.description} onChange={set('description')} error={errors.description} rows={4} />
          <div>
            <DateField form={FORM} name="occurredOn" label={labels.occurredOn!} optional value={v.occurredOn} onChange={set('occurredOn')} error={errors.occurredOn} max={today()} />
            <TextField form={FORM} name="occurredTime" label={labels.occurredTime!} optional hint={t('nuisance.report.timeHint')} value={v.occurredTime} onChange={set('occurredTime')} error={errors.occurredTime} inputMode="numeric" />
          </div>

          <Heading level={2} className="tr-section-heading">{t('nuisance.report.reporterHeading')}</Heading>
          <Alert heading={t('nuisance.report.privacyHeading')} headingLevel={3} className="tr-alert">
            <Paragraph>{t('nuisance.report.privacy')}</Paragraph>
          </Alert>
          <TextField form={FORM} name="name" label={labels.name!} optional value={v.name} onChange={set('name')} autoComplete="off" />
          <TextField form={FORM} name="phone" label={labels.phone!} optional type="tel" value={v.phone} onChange={set('phone')} autoComplete="off" />
          <TextField form={FORM} name="email" label={labels.email!} optional type="email" value={v.email} onChange={set('email')} error={errors.email} autoComplete="off" />
          <SelectField form={FORM} name="relation" label={labels.relation!} value={v.relation} onChange={set('relation')}
            options={RELATIONS.map((r) => ({ value: r, label: t(`nuisance.relation.${r}`) }))} />

          {proposal && (
            <Alert severity="warning" heading={t('nuisance.report.linkHeading')} headingLevel={2} className="tr-alert" data-testid="nuisance-link-proposal">
              <Paragraph>{t(proposal.reports.length ? 'nuisance.report.linkIntro' : 'nuisance.report.linkIntroShort', { address: proposal.address ?? '' })}</Paragraph>
              {proposal.reports.length > 0 && (
                <ul className="tr-plain-list">
                  {proposal.reports.map((r) => (
                    <li key={r.id}>{t('nuisance.report.earlier', { date: formatDate(r.receivedOn, lang), kind: txt(r.nuisanceTypeLabel, lang), description: r.description })}</li>
                  ))}
                </ul>
              )}
              {proposal.readable
                ? <Paragraph><RouterLink href={`/overlast/zaken/${proposal.caseId}`} className="ams-link">{t('nuisance.report.openCase')}</RouterLink></Paragraph>
                : <Paragraph size="small">{t('nuisance.report.notReadable')}</Paragraph>}
            </Alert>
          )}
          {proposal ? (
            <Button type="button" variant="primary" disabled={pending} onClick={() => void submit(proposal.caseId)}>{t('nuisance.report.submitLinked')}</Button>
          ) : (
            <Button type="submit" variant="primary" disabled={pending}>{t('nuisance.report.submit')}</Button>
          )}
        </Column>
      </form>
    </Column>
  );
}
