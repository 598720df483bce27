/**
 * "Woonbehoefteprofiel" (matching.md §3, R-MA-02): the care provider maps the client's housing needs
 * with the client — preferred and excluded neighbourhoods with a reason, circumstances, schools per
 * child, care needed (the care provider's only), the housing needs that are hard requirements, and
 * the application form version. The corporation sees only the derived needs (read-only). Shows how
 * many dwellings of the last year would have passed (R-MA-03). A 412 keeps the input.
 */
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, DescriptionList, FieldSet, Heading, LinkList, Paragraph, Row } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { CheckboxGroupField, DateField } from '../trajectories/common.tsx';
import { refusalErrors } from './common.tsx';

interface Area { code: string; name?: string | null; reason?: string | null }
interface School { childId?: string | null; name: string; lat: number | null; lon: number | null }
interface Profile {
  clientId: string;
  version: number;
  exists: boolean;
  preferred?: Area[];
  excluded?: Area[];
  circumstances?: string[];
  circumstancesNote?: string | null;
  schools?: School[];
  schoolsCount?: number;
  careNeeded?: string | null;
  avoidLiquorShop?: boolean | null;
  lowStimulus?: boolean | null;
  needsWheelchair?: boolean | null;
  groundFloorOrLift?: boolean | null;
  ggdAdviceOn?: string | null;
  otherConstraints?: string | null;
  formVersionId?: string | null;
  expectation?: { offeredLast12Months: number; wouldHavePassed: number };
}

const CIRCUMSTANCES = ['informal_carers_nearby', 'work_or_daytime_activity_nearby', 'avoid_former_network', 'pets', 'needs_quiet_neighbourhood', 'other'];
const FORM = 'housing-profile';

export function HousingProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const res = useResource<Profile>(`/clients/${id}/housing-profile`);
  const client = useResource<{ firstName?: string; lastName?: string; name?: string }>(`/clients/${id}`);
  const name = client.data ? (client.data.name ?? [client.data.firstName, client.data.lastName].filter(Boolean).join(' ')) : '';
  const title = name ? t('matching.profile.titleFor', { name }) : t('matching.profile.title');
  // Kept here: a save reloads the profile, which renews the form.
  const [saved, setSaved] = useState(false);
  return (
    <Column gap="large">
      <PageHeading title={title}>{title}</PageHeading>
      <LinkList>
        <LinkList.Link href={`/clienten/${id}`} linkComponent={RouterLink}>{t('matching.profile.backToClient')}</LinkList.Link>
      </LinkList>
      <Paragraph>{t('matching.profile.intro')}</Paragraph>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} />}
      {res.loading && !res.data && <Loading />}
      {res.data && res.data.careNeeded === undefined && res.data.exists && <DerivedNeeds p={res.data} />}
      {saved && <Alert severity="success" headingLevel={2} heading={t('matching.profile.saved')} className="tr-alert" data-testid="profile-saved" />}
      {res.data && (res.data.careNeeded !== undefined || !res.data.exists) && (
        <ProfileForm key={`${res.data.version}`} clientId={id} initial={res.data} etag={res.etag ?? String(res.data.version)} reload={() => res.reload()} onSaved={setSaved} />
      )}
    </Column>
  );
}

const yn = (b: boolean | null | undefined) => (b == null ? '' : b ? 'true' : 'false');
const bool = (s: string) => (s === '' ? null : s === 'true');

/** What the corporation sees: only the derived housing needs (R-MA-25, R-MA-26). */
function DerivedNeeds({ p }: { p: Profile }) {
  const { t } = useTranslation();
  const v = (b: boolean | null | undefined) => (b == null ? t('matching.profile.unknown') : b ? t('common.yes') : t('common.no'));
  return (
    <section aria-labelledby="needs-heading" className="tr-section">
      <Heading level={2} id="needs-heading" className="tr-section-heading">{t('matching.profile.needsHeading')}</Heading>
      <DescriptionList>
        <DescriptionList.Term>{t('matching.profile.preferred')}</DescriptionList.Term>
        <DescriptionList.Description>{(p.preferred ?? []).map((a) => a.name ?? a.code).join(', ') || t('common.none')}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.profile.excluded')}</DescriptionList.Term>
        <DescriptionList.Description>{(p.excluded ?? []).map((a) => a.name ?? a.code).join(', ') || t('common.none')}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.profile.avoidLiquorShop')}</DescriptionList.Term>
        <DescriptionList.Description>{v(p.avoidLiquorShop)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.profile.lowStimulus')}</DescriptionList.Term>
        <DescriptionList.Description>{v(p.lowStimulus)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.profile.needsWheelchair')}</DescriptionList.Term>
        <DescriptionList.Description>{v(p.needsWheelchair)}</DescriptionList.Description>
        <DescriptionList.Term>{t('matching.profile.groundFloorOrLift')}</DescriptionList.Term>
        <DescriptionList.Description>{v(p.groundFloorOrLift)}</DescriptionList.Description>
      </DescriptionList>
    </section>
  );
}

type AreaRow = { code: string; name: string; reason: string };
const toRows = (a: Area[] | undefined): AreaRow[] => (a ?? []).map((x) => ({ code: x.code, name: x.name ?? '', reason: x.reason ?? '' }));

function ProfileForm({ clientId, initial, etag, reload, onSaved }: { clientId: string; initial: Profile; etag: string; reload: () => Promise<Profile | null>; onSaved: (v: boolean) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const forms = useResource<Array<{ id: string; name: string; validFrom: string }>>('/application-form-versions');
  const [preferred, setPreferred] = useState<AreaRow[]>(toRows(initial.preferred));
  const [excluded, setExcluded] = useState<AreaRow[]>(toRows(initial.excluded));
  const [schools, setSchools] = useState<Array<{ name: string }>>((initial.schools ?? []).map((s) => ({ name: s.name })));
  const [v, setV] = useState({
    circumstances: initial.circumstances ?? [], circumstancesNote: initial.circumstancesNote ?? '', careNeeded: initial.careNeeded ?? '',
    avoidLiquorShop: yn(initial.avoidLiquorShop), lowStimulus: yn(initial.lowStimulus), needsWheelchair: yn(initial.needsWheelchair), groundFloorOrLift: yn(initial.groundFloorOrLift),
    ggdAdviceOn: initial.ggdAdviceOn ?? '', otherConstraints: initial.otherConstraints ?? '', formVersionId: initial.formVersionId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState<unknown>(null);
  const { pending, run } = useSubmitting();
  const set = (k: keyof typeof v) => (x: string | string[]) => setV((s) => ({ ...s, [k]: x }));
  const labels: Record<string, string> = {
    circumstances: t('matching.profile.circumstances'), circumstancesNote: t('matching.profile.circumstancesNote'), careNeeded: t('matching.profile.careNeeded'),
    avoidLiquorShop: t('matching.profile.avoidLiquorShop'), lowStimulus: t('matching.profile.lowStimulus'), needsWheelchair: t('matching.profile.needsWheelchair'),
    groundFloorOrLift: t('matching.profile.groundFloorOrLift'), ggdAdviceOn: t('matching.profile.ggdAdviceOn'), otherConstraints: t('matching.profile.otherConstraints'), formVersionId: t('matching.profile.formVersion'),
  };
  preferred.forEach((_, i) => { labels[`preferred${i}`] = t('matching.profile.preferredN', { n: i + 1 }); });
  excluded.forEach((_, i) => { labels[`excluded${i}`] = t('matching.profile.excludedN', { n: i + 1 }); });
  schools.forEach((_, i) => { labels[`school${i}`] = t('matching.profile.schoolN', { n: i + 1 }); });

  const body = () => ({
    preferred: preferred.filter((a) => a.code.trim()).map((a) => ({ code: a.code.trim(), name: a.name.trim() || null, reason: a.reason.trim() || null })),
    excluded: excluded.filter((a) => a.code.trim()).map((a) => ({ code: a.code.trim(), name: a.name.trim() || null, reason: a.reason.trim() || null })),
    circumstances: v.circumstances, circumstancesNote: v.circumstancesNote.trim() || null,
    schools: schools.filter((s) => s.name.trim()).map((s) => ({ name: s.name.trim(), lat: null, lon: null })),
    careNeeded: v.careNeeded.trim() || null, avoidLiquorShop: bool(v.avoidLiquorShop), lowStimulus: bool(v.lowStimulus), needsWheelchair: bool(v.needsWheelchair),
    groundFloorOrLift: bool(v.groundFloorOrLift), ggdAdviceOn: v.ggdAdviceOn || null, otherConstraints: v.otherConstraints.trim() || null, formVersionId: v.formVersionId || null,
  });

  const save = (ifMatch: string | number) => {
    void run(async () => {
      try {
        await api.put(`/clients/${clientId}/housing-profile`, body(), { ifMatch });
        onSaved(true);
        announce(t('matching.profile.saved'));
        await reload();
      } catch (err) {
        if (isConflict(err)) return setConflict(err);
        const f = refusalErrors(err, (p) => {
          const m = /^\/(preferred|excluded|schools)\/(\d+)/.exec(p);
          if (m) return `${m[1] === 'schools' ? 'school' : m[1]}${m[2]}`;
          const k = p.split('/').filter(Boolean)[0] ?? '';
          return k in labels ? k : null;
        });
        if (Object.keys(f).length) setErrors(f);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    onSaved(false);
    const local: FieldErrors = {};
    preferred.forEach((a, i) => { if (!a.code.trim() && (a.name || a.reason)) local[`preferred${i}`] = msg('matching.profile.codeRequired'); });
    excluded.forEach((a, i) => { if (!a.code.trim() && (a.name || a.reason)) local[`excluded${i}`] = msg('matching.profile.codeRequired'); });
    if (v.groundFloorOrLift === 'true' && !v.ggdAdviceOn) local.ggdAdviceOn = msg('matching.profile.ggdRequired');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    save(etag);
  };

  const yesNo = [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }];
  const areaEditor = (kind: 'preferred' | 'excluded', rows: AreaRow[], setRows: (r: AreaRow[]) => void) => (
    <FieldSet legend={t(`matching.profile.${kind}`)} hint={t(`matching.profile.${kind}Hint`)}>
      {rows.map((a, i) => (
        <fieldset key={i} className="tr-subform">
          <legend>{labels[`${kind}${i}`]}</legend>
          <Row wrap gap="large" alignVertical="end">
            <TextField form={FORM} name={`${kind}${i}`} label={t('matching.profile.areaCode')} value={a.code} onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, code: x } : r)))} error={errors[`${kind}${i}`]} size={12} />
            <TextField form={FORM} name={`${kind}${i}-name`} label={t('matching.profile.areaName')} optional value={a.name} onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, name: x } : r)))} />
          </Row>
          <TextField form={FORM} name={`${kind}${i}-reason`} label={t('matching.profile.areaReason')} optional value={a.reason} onChange={(x) => setRows(rows.map((r, j) => (j === i ? { ...r, reason: x } : r)))} />
          <Button variant="tertiary" type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t('matching.profile.remove', { what: labels[`${kind}${i}`] })}</Button>
        </fieldset>
      ))}
      <Button variant="secondary" type="button" onClick={() => setRows([...rows, { code: '', name: '', reason: '' }])}>{t(`matching.profile.add_${kind}`)}</Button>
    </FieldSet>
  );

  return (
    <>
      {initial.expectation && (
        <section aria-labelledby="expectation-heading" className="tr-section tr-panel" data-testid="profile-expectation">
          <Heading level={2} id="expectation-heading" className="tr-section-heading">{t('matching.profile.expectationHeading')}</Heading>
          <Paragraph>{t('matching.profile.expectation', { passed: initial.expectation.wouldHavePassed, total: initial.expectation.offeredLast12Months })}</Paragraph>
        </section>
      )}
      {conflict !== null && <ConflictAlert error={conflict} onLoadLatest={() => { setConflict(null); void reload(); }} onKeepMine={() => {
        setConflict(null);
        // Keep this form (and its input); only the version to write on is the newest.
        void (async () => {
          try {
            const latest = await api.get<Profile>(`/clients/${clientId}/housing-profile`);
            save(latest.etag ?? latest.data.version);
          } catch (err) {
            setProblem(err);
          }
        })();
      }} />}
      {problem !== null && <ProblemAlert error={problem} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading" data-testid="profile-form">
        {areaEditor('preferred', preferred, setPreferred)}
        {areaEditor('excluded', excluded, setExcluded)}
        <CheckboxGroupField form={FORM} name="circumstances" label={labels.circumstances!} optional values={v.circumstances} onChange={set('circumstances')}
          choices={CIRCUMSTANCES.map((c) => ({ value: c, label: t(`matching.circumstance.${c}`) }))} />
        <TextAreaField form={FORM} name="circumstancesNote" label={labels.circumstancesNote!} optional value={v.circumstancesNote} onChange={set('circumstancesNote')} error={errors.circumstancesNote} />
        <FieldSet legend={t('matching.profile.schools')} hint={t('matching.profile.schoolsHint')}>
          {schools.map((s, i) => (
            <Row key={i} wrap gap="large" alignVertical="end">
              <TextField form={FORM} name={`school${i}`} label={labels[`school${i}`]!} value={s.name} onChange={(x) => setSchools(schools.map((r, j) => (j === i ? { name: x } : r)))} error={errors[`school${i}`]} />
              <Button variant="tertiary" type="button" onClick={() => setSchools(schools.filter((_, j) => j !== i))}>{t('matching.profile.remove', { what: labels[`school${i}`] })}</Button>
            </Row>
          ))}
          <Button variant="secondary" type="button" onClick={() => setSchools([...schools, { name: '' }])}>{t('matching.profile.addSchool')}</Button>
        </FieldSet>
        <TextAreaField form={FORM} name="careNeeded" label={labels.careNeeded!} optional hint={t('matching.profile.careNeededHint')} value={v.careNeeded} onChange={set('careNeeded')} error={errors.careNeeded} />
        <Heading level={2} className="tr-section-heading">{t('matching.profile.needsHeading')}</Heading>
        <Paragraph size="small">{t('matching.profile.needsIntro')}</Paragraph>
        {(['avoidLiquorShop', 'lowStimulus', 'needsWheelchair', 'groundFloorOrLift'] as const).map((k) => (
          <SelectField key={k} form={FORM} name={k} label={labels[k]!} optional value={v[k]} onChange={set(k)} error={errors[k]} placeholder={t('matching.profile.unknown')} options={yesNo} />
        ))}
        {v.groundFloorOrLift === 'true' && (
          <DateField form={FORM} name="ggdAdviceOn" label={labels.ggdAdviceOn!} value={v.ggdAdviceOn} onChange={set('ggdAdviceOn')} error={errors.ggdAdviceOn} />
        )}
        <TextAreaField form={FORM} name="otherConstraints" label={labels.otherConstraints!} optional value={v.otherConstraints} onChange={set('otherConstraints')} error={errors.otherConstraints} />
        <SelectField form={FORM} name="formVersionId" label={labels.formVersionId!} optional value={v.formVersionId} onChange={set('formVersionId')} error={errors.formVersionId} placeholder={t('matching.notApplicable')}
          options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))} />
        <Button type="submit" disabled={pending}>{t('matching.profile.save')}</Button>
      </form>
    </>
  );
}
