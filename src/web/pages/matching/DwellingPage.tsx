/**
 * One dwelling (matching.md §2) and, for its corporation, "Woning aanbieden": in the Amsterdam model
 * to a care provider (which nominates one of its clients), in the Utrecht model the platform's
 * proposal of candidates (the corporation chooses on the offer page). Lease type and any extra
 * clauses are recorded with every offer (R-MA-41).
 */
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DescriptionList, Heading, Link, LinkList, Paragraph } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, SelectField, TextAreaField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useAllOrganisations } from '../../lib/organisations.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { addressLine, lastSegment, moneyText, refusalErrors, type Dwelling, type OfferDetail } from './common.tsx';

export function DwellingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { session } = useSession();
  const res = useResource<Dwelling>(`/dwellings/${id}`);
  const d = res.data;
  const mine = !!d && can(session, 'offer.create', { organisationIds: [d.corporationId], case: { careProviderId: '', corporationId: d.corporationId, teamUserIds: [], municipalityIds: [d.municipalityId] } });
  const title = d ? addressLine(d.address) : t('matching.dwelling.title');
  return (
    <Column gap="large">
      <PageHeading title={title}>{title}</PageHeading>
      <LinkList>
        <LinkList.Link href="/woningen" linkComponent={RouterLink}>{t('matching.dwellings.back')}</LinkList.Link>
        {d && mine && d.status === 'available' && (
          <LinkList.Link href={`/woningen/${d.id}/wijzigen`} linkComponent={RouterLink}>{t('matching.dwelling.edit')}</LinkList.Link>
        )}
      </LinkList>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !d && <Loading />}
      {d && <DwellingFacts d={d} />}
      {d && mine && d.status === 'available' && <OfferForm d={d} />}
      {d && mine && d.status === 'available' && <UnsuitableForm d={d} etag={res.etag} onDone={(x, etag) => res.set(x, etag)} />}
      {d?.unsuitable && (
        <section aria-labelledby="unsuitable-heading" className="tr-section" data-testid="dwelling-unsuitable">
          <Heading level={2} id="unsuitable-heading" className="tr-section-heading">{t('matching.unsuitable.declaredHeading')}</Heading>
          <Paragraph>{d.unsuitable.reasonCode ? t(`matching.unsuitable.reason.${d.unsuitable.reasonCode}`) : ''}{d.unsuitable.reason ? `: ${d.unsuitable.reason}` : ''}</Paragraph>
        </section>
      )}
    </Column>
  );
}

export function DwellingFacts({ d, headingLevel = 2 }: { d: Dwelling; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const yesNo = (b: boolean | null | undefined) => (b == null ? '—' : b ? t('common.yes') : t('common.no'));
  return (
    <section aria-labelledby="dwelling-facts-heading" className="tr-section" data-testid="dwelling-facts">
      <Heading level={headingLevel} id="dwelling-facts-heading" className="tr-section-heading">{t('matching.dwelling.factsHeading')}</Heading>
      {!d.address.verified && <Paragraph><span className="tr-status tr-status--warn">{t('matching.dwelling.unverified')}</span> {t('matching.dwelling.unverifiedHint')}</Paragraph>}
      <DescriptionList>
        <DescriptionList.Term>{t('matching.dwelling.address')}</DescriptionList.Term>
        <DescriptionList.Description>{addressLine(d.address)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwellings.neighbourhood')}</DescriptionList.Term>
        <DescriptionList.Description>{[d.address.neighbourhoodName, d.address.districtName].filter(Boolean).join(', ') || '—'}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwellings.status')}</DescriptionList.Term>
        <DescriptionList.Description>
          {t(`matching.dwellingStatus.${d.status}`)}
          {d.status === 'available' && !d.offerable && ` — ${d.offerableFrom ? t('matching.dwelling.notOfferableUntil', { date: formatDate(d.offerableFrom, lang) }) : t('matching.dwelling.notOfferable')}`}
        </DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.availableOn')}</DescriptionList.Term>
        <DescriptionList.Description>{formatDate(d.availableOn, lang)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.typeAndSize')}</DescriptionList.Term>
        <DescriptionList.Description>{t(`matching.dwellingType.${d.dwellingType}`)}, {t('matching.dwellings.sizeValue', { rooms: d.rooms, area: d.areaM2 })}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.floor')}</DescriptionList.Term>
        <DescriptionList.Description>{d.floor === 0 ? t('matching.dwelling.groundFloor') : d.floor}; {t('matching.dwelling.lift')}: {yesNo(d.lift)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.accessType')}</DescriptionList.Term>
        <DescriptionList.Description>{t(`matching.accessType.${d.accessType}`)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.wheelchairSuitable')}</DescriptionList.Term>
        <DescriptionList.Description>{yesNo(d.wheelchairSuitable)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.facilities')}</DescriptionList.Term>
        <DescriptionList.Description>{[d.facilities.join(', '), d.facilitiesNote].filter(Boolean).join('. ') || t('common.none')}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.noise')}</DescriptionList.Term>
        <DescriptionList.Description>{t(`matching.noise.${d.noise}`)}{d.noiseNote ? `. ${d.noiseNote}` : ''}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.defects')}</DescriptionList.Term>
        <DescriptionList.Description>{d.defects.join(', ') || t('common.none')}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.liveability')}</DescriptionList.Term>
        <DescriptionList.Description>{t(`matching.liveability.${d.liveability}`)}{d.liveabilityNote ? `. ${d.liveabilityNote}` : ''}</DescriptionList.Description>
        {d.stairwellInfo && (
          <>
            <DescriptionList.Term>{t('matching.dwelling.stairwellInfo')}</DescriptionList.Term>
            <DescriptionList.Description>{d.stairwellInfo}</DescriptionList.Description>
          </>
        )}
        {d.lastNuisanceFileOn !== undefined && (
          <>
            <DescriptionList.Term>{t('matching.dwelling.lastNuisanceFileOn')}</DescriptionList.Term>
            <DescriptionList.Description>{d.lastNuisanceFileOn ? formatDate(d.lastNuisanceFileOn, lang) : t('common.none')}</DescriptionList.Description>
          </>
        )}
        {typeof d.placementsNearby24m === 'number' && (
          <>
            <DescriptionList.Term>{t('matching.dwelling.placementsNearby')}</DescriptionList.Term>
            <DescriptionList.Description>{d.placementsNearby24m}</DescriptionList.Description>
          </>
        )}
        <DescriptionList.Term>{t('matching.dwelling.rent')}</DescriptionList.Term>
        <DescriptionList.Description>{moneyText(d.rent, lang)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.dwelling.contact')}</DescriptionList.Term>
        <DescriptionList.Description>
          {d.contact.name} ({d.contact.role})
          {d.contact.phone && <>, <Link href={`tel:${d.contact.phone.replace(/\s/g, '')}`}>{d.contact.phone}</Link></>}
          {d.contact.email && <>, <Link href={`mailto:${d.contact.email}`}>{d.contact.email}</Link></>}
        </DescriptionList.Description>
      </DescriptionList>
    </section>
  );
}

const FORM = 'offer-new';
export const LEASE_TYPES = ['intermediary', 'omklap', 'own_name'] as const;

function OfferForm({ d }: { d: Dwelling }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const model = d.offerModel ?? 'OM-AMS';
  const { organisations } = useAllOrganisations(model === 'OM-AMS');
  const careProviders = (organisations ?? []).filter((o) => o.type === 'care_provider' && o.active).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const [careProviderId, setCareProviderId] = useState('');
  const [leaseType, setLeaseType] = useState<string>(model === 'OM-AMS' ? 'intermediary' : 'omklap');
  const [clauses, setClauses] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const labels = { careProviderId: t('matching.offer.careProvider'), leaseType: t('matching.offer.leaseType'), extraClauses: t('matching.offer.extraClauses') };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (model === 'OM-AMS' && !careProviderId) local.careProviderId = msg('matching.offer.chooseCareProvider');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const body = {
          dwellingId: d.id, leaseType,
          extraClauses: clauses.split('\n').map((c) => c.trim()).filter(Boolean),
          ...(model === 'OM-AMS' ? { careProviderId } : {}),
        };
        const r = await api.post<OfferDetail>('/offers', body);
        navigate(`/aanbiedingen/${r.data.id}`);
      } catch (err) {
        const fields = refusalErrors(err, (p) => {
          const f = lastSegment(p);
          return f && f in labels ? f : null;
        });
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <section aria-labelledby="offer-new-heading" className="tr-section">
      <Heading level={2} id="offer-new-heading" className="tr-section-heading">{t('matching.offer.newHeading')}</Heading>
      <Paragraph>{model === 'OM-AMS' ? t('matching.offer.introAms') : t('matching.offer.introUtr')}</Paragraph>
      {!d.offerable && (
        <Alert severity="warning" headingLevel={3} heading={t('matching.offer.notOfferableHeading')} className="tr-alert">
          <Paragraph>{d.offerableFrom ? t('matching.dwelling.notOfferableUntil', { date: d.offerableFrom }) : t('matching.dwelling.notOfferable')}</Paragraph>
        </Alert>
      )}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="offer-new-heading">
        {model === 'OM-AMS' && (
          <SelectField form={FORM} name="careProviderId" label={labels.careProviderId} value={careProviderId} onChange={setCareProviderId} error={errors.careProviderId}
            placeholder={t('matching.offer.chooseCareProviderOption')} options={careProviders.map((o) => ({ value: o.id, label: o.name }))} />
        )}
        <SelectField form={FORM} name="leaseType" label={labels.leaseType} value={leaseType} onChange={setLeaseType} error={errors.leaseType}
          options={LEASE_TYPES.map((l) => ({ value: l, label: t(`matching.leaseType.${l}`) }))} />
        <TextAreaField form={FORM} name="extraClauses" label={labels.extraClauses} optional hint={t('matching.offer.extraClausesHint')} value={clauses} onChange={setClauses} error={errors.extraClauses} />
        <Button type="submit" disabled={pending}>{model === 'OM-AMS' ? t('matching.offer.submitAms') : t('matching.offer.submitUtr')}</Button>
      </form>
    </section>
  );
}

const UNSUITABLE_REASONS = ['RECENT_NUISANCE_FILE', 'STAIRWELL_LIVEABILITY', 'CONCENTRATION', 'DWELLING_DEFECT', 'TECHNICAL_UNSUITABILITY', 'OTHER'] as const;

/** R-MA-09: every dwelling can be suitable unless there are real arguments; declaring it unsuitable records them. */
function UnsuitableForm({ d, etag, onDone }: { d: Dwelling; etag: string | null; onDone: (d: Dwelling, etag: string | null) => void }) {
  const { t } = useTranslation();
  const FORM = 'unsuitable';
  const [open, setOpen] = useState(false);
  const [reasonCode, setReasonCode] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const labels = { reasonCode: t('matching.unsuitable.reasonCode'), reason: t('matching.unsuitable.reasonText') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const local: FieldErrors = {};
    if (!reasonCode) local.reasonCode = msg('matching.unsuitable.reasonCodeRequired');
    if (reason.trim().length < 3) local.reason = msg('matching.unsuitable.reasonRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const r = await api.post<Dwelling>(`/dwellings/${d.id}/unsuitable`, { reasonCode, reason: reason.trim() }, { ifMatch: etag ?? d.version });
        const fresh = await api.get<Dwelling>(`/dwellings/${d.id}`);
        onDone(fresh.data ?? r.data, fresh.etag);
      } catch (err) {
        const f = refusalErrors(err, (p) => { const k = lastSegment(p); return k === 'reasonCode' || k === 'reason' ? k : null; });
        if (Object.keys(f).length) setErrors(f);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };
  return (
    <section aria-labelledby="unsuitable-form-heading" className="tr-section">
      <Heading level={2} id="unsuitable-form-heading" className="tr-section-heading">{t('matching.unsuitable.heading')}</Heading>
      <Paragraph>{t('matching.unsuitable.intro')}</Paragraph>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>{t('matching.unsuitable.open')}</Button>
      ) : (
        <>
          {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
          <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
          <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="unsuitable-form-heading">
            <SelectField form={FORM} name="reasonCode" label={labels.reasonCode} value={reasonCode} onChange={setReasonCode} error={errors.reasonCode} placeholder={t('matching.choose')}
              options={UNSUITABLE_REASONS.map((r) => ({ value: r, label: t(`matching.unsuitable.reason.${r}`) }))} />
            <TextAreaField form={FORM} name="reason" label={labels.reason} value={reason} onChange={setReason} error={errors.reason} />
            <Button type="submit" disabled={pending}>{t('matching.unsuitable.submit')}</Button>{' '}
            <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </form>
        </>
      )}
    </section>
  );
}
