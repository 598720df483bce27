/**
 * A new dwelling, or a change to one (matching.md §2, R-MA-06). The address is official: postcode
 * and house number are looked up in the BAG ("Adres opzoeken" shows what the BAG knows); when the
 * BAG does not know it, does not answer or is not used here, the address can be entered by hand and
 * is then marked "niet geverifieerd". A 412 on a change keeps the input.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, FieldSet, Heading, LinkList, Paragraph, Row } from '@amsterdam/design-system-react';
import { ApiError, api, problemText } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useAllOrganisations } from '../../lib/organisations.ts';
import { useLang } from '../../i18n/useLang.ts';
import { CheckboxGroupField, DateField } from '../trajectories/common.tsx';
import { addressLine, refusalErrors, type Dwelling } from './common.tsx';

const FORM = 'dwelling';

interface Values {
  reference: string; postcode: string; houseNumber: string; houseLetter: string; addition: string;
  manual: boolean; street: string; city: string; municipalityId: string; neighbourhoodCode: string; neighbourhoodName: string; districtCode: string; districtName: string;
  floor: string; lift: string; facilities: string; facilitiesNote: string; noise: string; noiseNote: string; defects: string;
  contactName: string; contactRole: string; contactPhone: string; contactEmail: string; stairwellInfo: string; lastNuisanceFileOn: string;
  liveability: string; liveabilityNote: string; accessType: string; rooms: string; areaM2: string; dwellingType: string; wheelchairSuitable: string;
  insideRing: string; onePersonUnit: boolean; liquorShopDistanceM: string; availableOn: string; pool: string[]; rent: string;
}

const EMPTY: Values = {
  reference: '', postcode: '', houseNumber: '', houseLetter: '', addition: '', manual: false, street: '', city: '', municipalityId: '', neighbourhoodCode: '', neighbourhoodName: '', districtCode: '', districtName: '',
  floor: '', lift: '', facilities: '', facilitiesNote: '', noise: 'LOW', noiseNote: '', defects: '', contactName: '', contactRole: '', contactPhone: '', contactEmail: '', stairwellInfo: '', lastNuisanceFileOn: '',
  liveability: 'OK', liveabilityNote: '', accessType: 'porch', rooms: '', areaM2: '', dwellingType: 'apartment', wheelchairSuitable: 'false', insideRing: '', onePersonUnit: false, liquorShopDistanceM: '', availableOn: '', pool: [], rent: '',
};

function fromDwelling(d: Dwelling): Values {
  return {
    reference: d.reference ?? '', postcode: d.address.postcode, houseNumber: String(d.address.houseNumber), houseLetter: d.address.houseLetter ?? '', addition: d.address.addition ?? '',
    manual: false, street: d.address.street ?? '', city: d.address.city ?? '', municipalityId: d.municipalityId, neighbourhoodCode: d.address.neighbourhoodCode ?? '', neighbourhoodName: d.address.neighbourhoodName ?? '',
    districtCode: d.address.districtCode ?? '', districtName: d.address.districtName ?? '', floor: String(d.floor), lift: String(d.lift), facilities: d.facilities.join('\n'), facilitiesNote: d.facilitiesNote ?? '',
    noise: d.noise, noiseNote: d.noiseNote ?? '', defects: d.defects.join('\n'), contactName: d.contact.name, contactRole: d.contact.role, contactPhone: d.contact.phone ?? '', contactEmail: d.contact.email ?? '',
    stairwellInfo: d.stairwellInfo ?? '', lastNuisanceFileOn: d.lastNuisanceFileOn ?? '', liveability: d.liveability, liveabilityNote: d.liveabilityNote ?? '', accessType: d.accessType, rooms: String(d.rooms),
    areaM2: String(d.areaM2), dwellingType: d.dwellingType, wheelchairSuitable: String(d.wheelchairSuitable), insideRing: d.insideRing == null ? '' : String(d.insideRing), onePersonUnit: d.onePersonUnit,
    liquorShopDistanceM: d.liquorShopDistanceM == null ? '' : String(d.liquorShopDistanceM), availableOn: d.availableOn, pool: d.pool, rent: String(d.rent),
  };
}

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const int = (s: string) => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : null);
const dec = (s: string) => (/^\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : null);

/** Field names of the form by JSON pointer of the body. */
const POINTER_FIELDS: Record<string, keyof Values> = {
  '/contact/name': 'contactName', '/contact/role': 'contactRole', '/contact/phone': 'contactPhone', '/contact/email': 'contactEmail',
  '/manualAddress/street': 'street', '/manualAddress/city': 'city', '/manualAddress/municipalityId': 'municipalityId', '/manualAddress/neighbourhoodCode': 'neighbourhoodCode',
};
function fieldFor(p: string): string | null {
  if (POINTER_FIELDS[p]) return POINTER_FIELDS[p]!;
  if (p.startsWith('/pool')) return 'pool';
  const f = p.split('/').filter(Boolean)[0] ?? null;
  return f && f in EMPTY ? f : null;
}

interface Lookup { status: 'found' | 'not_found' | 'ambiguous' | 'unavailable' | 'off'; address?: { displayName?: string; street: string; city: string; neighbourhoodName: string | null; districtName: string | null; municipalityName: string }; candidates?: Array<{ houseLetter: string | null; addition: string | null; displayName: string }> }

export function DwellingFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const existing = useResource<Dwelling>(mode === 'edit' ? `/dwellings/${id}` : null);
  const title = mode === 'create' ? t('matching.dwellingForm.newTitle') : t('matching.dwellingForm.editTitle');
  return (
    <Column gap="large">
      <PageHeading>{title}</PageHeading>
      <LinkList>
        <LinkList.Link href={mode === 'edit' ? `/woningen/${id}` : '/woningen'} linkComponent={RouterLink}>{mode === 'edit' ? t('matching.dwellingForm.backToDwelling') : t('matching.dwellings.back')}</LinkList.Link>
      </LinkList>
      {existing.error !== null && <ProblemAlert error={existing.error} onRetry={() => void existing.reload()} />}
      {mode === 'edit' && existing.loading && !existing.data && <Loading />}
      {(mode === 'create' || existing.data) && (
        <DwellingForm key={existing.data ? `${existing.data.id}-${existing.etag}` : 'new'} initial={existing.data} etag={existing.etag} reloadExisting={() => existing.reload()} />
      )}
    </Column>
  );
}

function DwellingForm({ initial, etag, reloadExisting }: { initial: Dwelling | null; etag: string | null; reloadExisting: () => Promise<Dwelling | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [v, setV] = useState<Values>(initial ? fromDwelling(initial) : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [lookupBusy, setLookupBusy] = useState(false);
  const [addressNote, setAddressNote] = useState<string | null>(null);
  const { pending, run } = useSubmitting();
  const { organisations } = useAllOrganisations();
  const municipalities = (organisations ?? []).filter((o) => o.type === 'municipality' && o.active).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const groups = useResource<{ items: Array<{ code: string; label: { nl: string; en: string }; validTo: string | null }> }>('/target-groups');
  const set = <K extends keyof Values>(k: K) => (x: Values[K]) => setV((s) => ({ ...s, [k]: x }));
  useEffect(() => {
    if (!initial && municipalities.length === 1 && !v.municipalityId) setV((s) => ({ ...s, municipalityId: municipalities[0]!.id }));
  }, [initial, municipalities, v.municipalityId]);

  const labels: Record<string, string> = {
    reference: t('matching.dwellingForm.reference'), postcode: t('matching.dwellingForm.postcode'), houseNumber: t('matching.dwellingForm.houseNumber'), houseLetter: t('matching.dwellingForm.houseLetter'),
    addition: t('matching.dwellingForm.addition'), street: t('matching.dwellingForm.street'), city: t('matching.dwellingForm.city'), municipalityId: t('matching.dwellingForm.municipality'),
    neighbourhoodCode: t('matching.dwellingForm.neighbourhoodCode'), neighbourhoodName: t('matching.dwellingForm.neighbourhoodName'), districtCode: t('matching.dwellingForm.districtCode'), districtName: t('matching.dwellingForm.districtName'),
    floor: t('matching.dwelling.floor'), lift: t('matching.dwelling.lift'), facilities: t('matching.dwelling.facilities'), facilitiesNote: t('matching.dwellingForm.facilitiesNote'), noise: t('matching.dwelling.noise'),
    noiseNote: t('matching.dwellingForm.noiseNote'), defects: t('matching.dwelling.defects'), contactName: t('matching.dwellingForm.contactName'), contactRole: t('matching.dwellingForm.contactRole'),
    contactPhone: t('matching.dwellingForm.contactPhone'), contactEmail: t('matching.dwellingForm.contactEmail'), stairwellInfo: t('matching.dwelling.stairwellInfo'), lastNuisanceFileOn: t('matching.dwelling.lastNuisanceFileOn'),
    liveability: t('matching.dwelling.liveability'), liveabilityNote: t('matching.dwellingForm.liveabilityNote'), accessType: t('matching.dwelling.accessType'), rooms: t('matching.dwellingForm.rooms'),
    areaM2: t('matching.dwellingForm.areaM2'), dwellingType: t('matching.dwellingForm.dwellingType'), wheelchairSuitable: t('matching.dwelling.wheelchairSuitable'), insideRing: t('matching.dwellingForm.insideRing'),
    onePersonUnit: t('matching.dwellingForm.onePersonUnit'), liquorShopDistanceM: t('matching.dwellingForm.liquorShopDistanceM'), availableOn: t('matching.dwelling.availableOn'), pool: t('matching.dwellingForm.pool'), rent: t('matching.dwellingForm.rent'),
  };

  const doLookup = async () => {
    setLookup(null);
    setAddressNote(null);
    const local: FieldErrors = {};
    if (!/^\s*[1-9]\d{3}\s?[A-Za-z]{2}\s*$/.test(v.postcode)) local.postcode = msg('matching.dwellingForm.postcodeInvalid');
    if (!int(v.houseNumber) || int(v.houseNumber)! < 1) local.houseNumber = msg('matching.dwellingForm.houseNumberInvalid');
    setErrors(local);
    if (Object.keys(local).length) {
      setAttempt((a) => a + 1);
      return;
    }
    setLookupBusy(true);
    try {
      const r = await api.get<Lookup>('/addresses/lookup', { query: { postcode: v.postcode.replace(/\s/g, '').toUpperCase(), houseNumber: int(v.houseNumber), houseLetter: v.houseLetter || undefined, addition: v.addition || undefined } });
      setLookup(r.data);
      announce(r.data.status === 'found' ? t('matching.dwellingForm.lookupFound', { address: r.data.address?.displayName ?? '' }) : t(`matching.dwellingForm.lookup.${r.data.status}`));
      if (r.data.status !== 'found' && r.data.status !== 'ambiguous') setV((s) => ({ ...s, manual: true }));
    } catch (err) {
      setProblem(err);
    } finally {
      setLookupBusy(false);
    }
  };

  const body = () => ({
    reference: orNull(v.reference), postcode: v.postcode.trim(), houseNumber: int(v.houseNumber), houseLetter: orNull(v.houseLetter), addition: orNull(v.addition),
    ...(v.manual ? { manualAddress: { street: v.street.trim(), city: v.city.trim(), municipalityId: v.municipalityId, neighbourhoodCode: v.neighbourhoodCode.trim(), neighbourhoodName: orNull(v.neighbourhoodName), districtCode: orNull(v.districtCode), districtName: orNull(v.districtName) } } : {}),
    floor: int(v.floor), lift: v.lift === 'true', facilities: lines(v.facilities), facilitiesNote: orNull(v.facilitiesNote), noise: v.noise, noiseNote: orNull(v.noiseNote), defects: lines(v.defects),
    contact: { name: v.contactName.trim(), role: v.contactRole.trim(), phone: orNull(v.contactPhone), email: orNull(v.contactEmail) },
    stairwellInfo: orNull(v.stairwellInfo), lastNuisanceFileOn: orNull(v.lastNuisanceFileOn), liveability: v.liveability, liveabilityNote: orNull(v.liveabilityNote), accessType: v.accessType,
    rooms: int(v.rooms), areaM2: dec(v.areaM2), dwellingType: v.dwellingType, wheelchairSuitable: v.wheelchairSuitable === 'true', insideRing: v.insideRing === '' ? null : v.insideRing === 'true',
    onePersonUnit: v.onePersonUnit, liquorShopDistanceM: v.liquorShopDistanceM.trim() ? int(v.liquorShopDistanceM) : null, availableOn: v.availableOn, pool: v.pool, rent: dec(v.rent),
  });

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    const req = msg('form.required');
    if (!/^\s*[1-9]\d{3}\s?[A-Za-z]{2}\s*$/.test(v.postcode)) e.postcode = msg('matching.dwellingForm.postcodeInvalid');
    if (!int(v.houseNumber) || int(v.houseNumber)! < 1) e.houseNumber = msg('matching.dwellingForm.houseNumberInvalid');
    if (v.houseLetter && !/^[A-Za-z]$/.test(v.houseLetter)) e.houseLetter = msg('matching.dwellingForm.houseLetterInvalid');
    if (v.manual) {
      for (const k of ['street', 'city', 'municipalityId', 'neighbourhoodCode'] as const) if (!v[k].trim()) e[k] = req;
    }
    if (int(v.floor) === null) e.floor = msg('matching.dwellingForm.wholeNumber');
    if (v.lift === '') e.lift = req;
    for (const k of ['contactName', 'contactRole', 'availableOn'] as const) if (!v[k].trim()) e[k] = req;
    if (int(v.rooms) === null || int(v.rooms)! < 1) e.rooms = msg('matching.dwellingForm.wholeNumber');
    if (dec(v.areaM2) === null) e.areaM2 = msg('matching.dwellingForm.number');
    if (dec(v.rent) === null) e.rent = msg('matching.dwellingForm.number');
    if (v.liquorShopDistanceM.trim() && int(v.liquorShopDistanceM) === null) e.liquorShopDistanceM = msg('matching.dwellingForm.wholeNumber');
    if (v.contactPhone.trim() && !/^[+0-9 ()-]{6,20}$/.test(v.contactPhone.trim())) e.contactPhone = msg('matching.dwellingForm.phoneInvalid');
    if (v.pool.length === 0) e.pool = msg('matching.dwellingForm.poolRequired');
    return e;
  };

  const save = (ifMatch: string | null) => {
    void run(async () => {
      try {
        const r = initial
          ? await api.put<Dwelling>(`/dwellings/${initial.id}`, body(), { ifMatch })
          : await api.post<Dwelling>('/dwellings', body());
        announce(t('matching.dwellingForm.saved'));
        navigate(`/woningen/${r.data.id}`);
      } catch (err) {
        if (isConflict(err)) {
          setConflict(err);
          return;
        }
        if (err instanceof ApiError && err.status === 422 && err.problem.code?.startsWith('address_')) {
          // The BAG does not know the address, does not answer, or is not used: the message, and manual entry.
          setAddressNote(problemText(err.problem, lang).detail);
          setV((s) => ({ ...s, manual: s.manual || err.problem.code !== 'address_ambiguous' }));
          setAttempt((a) => a + 1);
          return;
        }
        const fields = refusalErrors(err, fieldFor);
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setConflict(null);
    const local = validate();
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    save(etag);
  };

  const keepMine = async () => {
    const latest = await api.get<Dwelling>(`/dwellings/${initial!.id}`);
    setConflict(null);
    save(latest.etag);
  };

  const yesNo = [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }];
  const activeGroups = (groups.data?.items ?? []).filter((g) => !g.validTo || g.validTo >= new Date().toISOString().slice(0, 10));

  return (
    <>
      {conflict !== null && <ConflictAlert error={conflict} onKeepMine={() => void keepMine()} onLoadLatest={() => { setConflict(null); void reloadExisting(); }} />}
      {problem !== null && <ProblemAlert error={problem} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading" data-testid="dwelling-form">
        <section aria-labelledby="dwelling-address-heading" className="tr-section">
          <Heading level={2} id="dwelling-address-heading" className="tr-section-heading">{t('matching.dwellingForm.addressHeading')}</Heading>
          <Paragraph>{t('matching.dwellingForm.addressIntro')}</Paragraph>
          <Row wrap gap="large" alignVertical="end">
            <TextField form={FORM} name="postcode" label={labels.postcode!} value={v.postcode} onChange={set('postcode')} error={errors.postcode} size={8} autoComplete="postal-code" />
            <TextField form={FORM} name="houseNumber" label={labels.houseNumber!} value={v.houseNumber} onChange={set('houseNumber')} error={errors.houseNumber} inputMode="numeric" size={6} />
            <TextField form={FORM} name="houseLetter" label={labels.houseLetter!} optional value={v.houseLetter} onChange={set('houseLetter')} error={errors.houseLetter} size={3} />
            <TextField form={FORM} name="addition" label={labels.addition!} optional value={v.addition} onChange={set('addition')} error={errors.addition} size={5} />
          </Row>
          <Button type="button" variant="secondary" onClick={() => void doLookup()} disabled={lookupBusy}>{t('matching.dwellingForm.lookupButton')}</Button>
          <div aria-live="polite" data-testid="address-lookup">
            {lookup?.status === 'found' && lookup.address && (
              <Alert severity="success" headingLevel={3} heading={t('matching.dwellingForm.foundHeading')} className="tr-alert">
                <Paragraph>{lookup.address.displayName ?? `${lookup.address.street}, ${lookup.address.city}`}</Paragraph>
                <Paragraph size="small">{t('matching.dwellingForm.foundWhere', { neighbourhood: lookup.address.neighbourhoodName ?? '—', district: lookup.address.districtName ?? '—', municipality: lookup.address.municipalityName })}</Paragraph>
              </Alert>
            )}
            {lookup?.status === 'ambiguous' && (
              <Alert severity="warning" headingLevel={3} heading={t('matching.dwellingForm.lookup.ambiguous')} className="tr-alert">
                <ul>{(lookup.candidates ?? []).map((c) => <li key={c.displayName}>{c.displayName}</li>)}</ul>
              </Alert>
            )}
            {lookup && lookup.status !== 'found' && lookup.status !== 'ambiguous' && (
              <Alert severity="warning" headingLevel={3} heading={t(`matching.dwellingForm.lookup.${lookup.status}`)} className="tr-alert">
                <Paragraph>{t('matching.dwellingForm.manualOffer')}</Paragraph>
              </Alert>
            )}
            {addressNote && (
              <Alert severity="warning" headingLevel={3} heading={t('matching.dwellingForm.addressProblem')} className="tr-alert" data-testid="address-problem">
                <Paragraph>{addressNote}</Paragraph>
                <Paragraph>{t('matching.dwellingForm.manualOffer')}</Paragraph>
              </Alert>
            )}
          </div>
          {initial && !v.manual && <Paragraph size="small">{t('matching.dwellingForm.currentAddress', { address: addressLine(initial.address) })}</Paragraph>}
          <CheckboxField form={FORM} name="manual" label={t('matching.dwellingForm.manualToggle')} checked={v.manual} onChange={set('manual')} />
          {v.manual && (
            <FieldSet legend={t('matching.dwellingForm.manualHeading')} hint={t('matching.dwellingForm.manualHint')}>
              <TextField form={FORM} name="street" label={labels.street!} value={v.street} onChange={set('street')} error={errors.street} />
              <TextField form={FORM} name="city" label={labels.city!} value={v.city} onChange={set('city')} error={errors.city} />
              <SelectField form={FORM} name="municipalityId" label={labels.municipalityId!} value={v.municipalityId} onChange={set('municipalityId')} error={errors.municipalityId} placeholder={t('matching.choose')}
                options={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
              <Row wrap gap="large" alignVertical="end">
                <TextField form={FORM} name="neighbourhoodCode" label={labels.neighbourhoodCode!} value={v.neighbourhoodCode} onChange={set('neighbourhoodCode')} error={errors.neighbourhoodCode} size={12} />
                <TextField form={FORM} name="neighbourhoodName" label={labels.neighbourhoodName!} optional value={v.neighbourhoodName} onChange={set('neighbourhoodName')} error={errors.neighbourhoodName} />
              </Row>
              <Row wrap gap="large" alignVertical="end">
                <TextField form={FORM} name="districtCode" label={labels.districtCode!} optional value={v.districtCode} onChange={set('districtCode')} error={errors.districtCode} size={12} />
                <TextField form={FORM} name="districtName" label={labels.districtName!} optional value={v.districtName} onChange={set('districtName')} error={errors.districtName} />
              </Row>
            </FieldSet>
          )}
        </section>

        <section aria-labelledby="dwelling-props-heading" className="tr-section">
          <Heading level={2} id="dwelling-props-heading" className="tr-section-heading">{t('matching.dwellingForm.propsHeading')}</Heading>
          <TextField form={FORM} name="reference" label={labels.reference!} optional value={v.reference} onChange={set('reference')} error={errors.reference} />
          <Row wrap gap="large" alignVertical="end">
            <SelectField form={FORM} name="dwellingType" label={labels.dwellingType!} value={v.dwellingType} onChange={set('dwellingType')} error={errors.dwellingType}
              options={['studio', 'apartment', 'family', 'room', 'other'].map((x) => ({ value: x, label: t(`matching.dwellingType.${x}`) }))} />
            <TextField form={FORM} name="rooms" label={labels.rooms!} value={v.rooms} onChange={set('rooms')} error={errors.rooms} inputMode="numeric" size={4} />
            <TextField form={FORM} name="areaM2" label={labels.areaM2!} value={v.areaM2} onChange={set('areaM2')} error={errors.areaM2} inputMode="numeric" size={6} />
          </Row>
          <Row wrap gap="large" alignVertical="end">
            <TextField form={FORM} name="floor" label={labels.floor!} hint={t('matching.dwellingForm.floorHint')} value={v.floor} onChange={set('floor')} error={errors.floor} inputMode="numeric" size={4} />
            <SelectField form={FORM} name="lift" label={labels.lift!} value={v.lift} onChange={set('lift')} error={errors.lift} placeholder={t('matching.choose')} options={yesNo} />
            <SelectField form={FORM} name="accessType" label={labels.accessType!} value={v.accessType} onChange={set('accessType')} error={errors.accessType}
              options={['porch', 'gallery', 'ground_level', 'other'].map((x) => ({ value: x, label: t(`matching.accessType.${x}`) }))} />
          </Row>
          <Row wrap gap="large" alignVertical="end">
            <SelectField form={FORM} name="wheelchairSuitable" label={labels.wheelchairSuitable!} value={v.wheelchairSuitable} onChange={set('wheelchairSuitable')} error={errors.wheelchairSuitable} options={yesNo} />
            <SelectField form={FORM} name="insideRing" label={labels.insideRing!} optional value={v.insideRing} onChange={set('insideRing')} error={errors.insideRing} placeholder={t('matching.notApplicable')} options={yesNo} />
          </Row>
          <CheckboxField form={FORM} name="onePersonUnit" label={labels.onePersonUnit!} checked={v.onePersonUnit} onChange={set('onePersonUnit')} />
          <TextAreaField form={FORM} name="facilities" label={labels.facilities!} optional hint={t('matching.dwellingForm.oneALine')} value={v.facilities} onChange={set('facilities')} error={errors.facilities} />
          <TextAreaField form={FORM} name="facilitiesNote" label={labels.facilitiesNote!} optional value={v.facilitiesNote} onChange={set('facilitiesNote')} error={errors.facilitiesNote} />
          <SelectField form={FORM} name="noise" label={labels.noise!} value={v.noise} onChange={set('noise')} error={errors.noise} options={['LOW', 'MEDIUM', 'HIGH'].map((x) => ({ value: x, label: t(`matching.noise.${x}`) }))} />
          <TextAreaField form={FORM} name="noiseNote" label={labels.noiseNote!} optional value={v.noiseNote} onChange={set('noiseNote')} error={errors.noiseNote} />
          <TextAreaField form={FORM} name="defects" label={labels.defects!} optional hint={t('matching.dwellingForm.oneALine')} value={v.defects} onChange={set('defects')} error={errors.defects} />
          <SelectField form={FORM} name="liveability" label={labels.liveability!} value={v.liveability} onChange={set('liveability')} error={errors.liveability} options={['OK', 'UNDER_PRESSURE'].map((x) => ({ value: x, label: t(`matching.liveability.${x}`) }))} />
          <TextAreaField form={FORM} name="liveabilityNote" label={labels.liveabilityNote!} optional value={v.liveabilityNote} onChange={set('liveabilityNote')} error={errors.liveabilityNote} />
          <TextAreaField form={FORM} name="stairwellInfo" label={labels.stairwellInfo!} optional value={v.stairwellInfo} onChange={set('stairwellInfo')} error={errors.stairwellInfo} />
          <DateField form={FORM} name="lastNuisanceFileOn" label={labels.lastNuisanceFileOn!} optional hint={t('matching.dwellingForm.nuisanceHint')} value={v.lastNuisanceFileOn} onChange={set('lastNuisanceFileOn')} error={errors.lastNuisanceFileOn} />
          <TextField form={FORM} name="liquorShopDistanceM" label={labels.liquorShopDistanceM!} optional value={v.liquorShopDistanceM} onChange={set('liquorShopDistanceM')} error={errors.liquorShopDistanceM} inputMode="numeric" size={7} />
        </section>

        <section aria-labelledby="dwelling-offer-heading" className="tr-section">
          <Heading level={2} id="dwelling-offer-heading" className="tr-section-heading">{t('matching.dwellingForm.offerHeading')}</Heading>
          <DateField form={FORM} name="availableOn" label={labels.availableOn!} value={v.availableOn} onChange={set('availableOn')} error={errors.availableOn} />
          <TextField form={FORM} name="rent" label={labels.rent!} value={v.rent} onChange={set('rent')} error={errors.rent} inputMode="numeric" size={8} />
          <CheckboxGroupField form={FORM} name="pool" label={labels.pool!} hint={t('matching.dwellingForm.poolHint')} values={v.pool} onChange={set('pool')} error={errors.pool}
            choices={activeGroups.map((g) => ({ value: g.code, label: g.label[lang] }))} />
          <TextField form={FORM} name="contactName" label={labels.contactName!} value={v.contactName} onChange={set('contactName')} error={errors.contactName} autoComplete="off" />
          <TextField form={FORM} name="contactRole" label={labels.contactRole!} hint={t('matching.dwellingForm.contactRoleHint')} value={v.contactRole} onChange={set('contactRole')} error={errors.contactRole} />
          <TextField form={FORM} name="contactPhone" label={labels.contactPhone!} optional type="tel" value={v.contactPhone} onChange={set('contactPhone')} error={errors.contactPhone} />
          <TextField form={FORM} name="contactEmail" label={labels.contactEmail!} optional type="email" value={v.contactEmail} onChange={set('contactEmail')} error={errors.contactEmail} />
        </section>
        <Button type="submit" disabled={pending}>{initial ? t('matching.dwellingForm.saveChange') : t('matching.dwellingForm.save')}</Button>
      </form>
    </>
  );
}
