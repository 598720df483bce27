import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, DescriptionList, Heading, Link, Paragraph, Row } from '@amsterdam/design-system-react';
import { ALLOWED_PARENT_TYPES, ORGANISATION_TYPES, type OrganisationType } from '../../../domain/organisations/model.ts';
import type { OrganisationWritableField } from '../../../domain/policy/index.ts';
import { ApiError, api } from '../../api/client.ts';
import type { Organisation } from '../../api/types.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { organisationFieldsWritable } from '../../session/policy.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, orNull, useSubmitting, type FieldErrors, type Msg } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { ConflictAlert, isConflict } from '../../components/ConflictAlert.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { mergeChanges } from '../../lib/merge.ts';
import { useAllOrganisations, useRegions, useScope, invalidateOrganisationCache } from '../../lib/organisations.ts';

const FORM = 'org';

type Values = {
  code: string;
  name: string;
  type: OrganisationType | '';
  parentId: string;
  regionId: string;
  municipalityCode: string;
  contactRoleLabel: string;
  email: string;
  phone: string;
};

const EMPTY: Values = { code: '', name: '', type: '', parentId: '', regionId: '', municipalityCode: '', contactRoleLabel: '', email: '', phone: '' };

function valuesOf(o: Organisation): Values {
  return {
    code: o.code,
    name: o.name,
    type: o.type,
    parentId: o.parentId ?? '',
    regionId: o.regionId ?? '',
    municipalityCode: o.municipalityCode ?? '',
    contactRoleLabel: o.contactRoleLabel ?? '',
    email: o.email ?? '',
    phone: o.phone ?? '',
  };
}

/** What the API expects for each field: required text trimmed, optional text null when empty. */
function normalised(v: Values): Record<OrganisationWritableField, string | null> {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    parentId: orNull(v.parentId),
    regionId: orNull(v.regionId),
    municipalityCode: v.type === 'municipality' ? orNull(v.municipalityCode) : null,
    contactRoleLabel: orNull(v.contactRoleLabel),
    email: orNull(v.email),
    phone: orNull(v.phone),
  };
}

/** Problems about the structure belong to a field. */
const CODE_TO_FIELD: Record<string, keyof Values> = {
  parent_not_found: 'parentId',
  parent_cycle: 'parentId',
  parent_type_not_allowed: 'parentId',
  municipality_code: 'municipalityCode',
  region_not_found: 'regionId',
};

export function OrganisationFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { session } = useSession();
  const existing = useResource<Organisation>(mode === 'edit' ? `/organisations/${id}` : null);
  const { organisations } = useAllOrganisations();
  const regions = useRegions();
  const scopeOrNull = useScope();
  const scope = useMemo(() => scopeOrNull ?? [], [scopeOrNull]);

  const [values, setValues] = useState<Values>(EMPTY);
  /** The version the user is editing (If-Match) and the values it had. */
  const [base, setBase] = useState<{ version: string; values: Values } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<'nothing_changed' | 'latest_loaded' | 'mine_kept' | null>(null);
  const { pending, run } = useSubmitting();

  useEffect(() => {
    if (mode === 'edit' && existing.data && !base) {
      setValues(valuesOf(existing.data));
      setBase({ version: existing.etag ?? String(existing.data.version), values: valuesOf(existing.data) });
    }
  }, [mode, existing.data, existing.etag, base]);

  useEffect(() => {
    if (mode === 'create' && regions?.length === 1) setValues((v) => (v.regionId ? v : { ...v, regionId: regions[0]!.id }));
  }, [mode, regions]);

  const writable: ReadonlyArray<OrganisationWritableField> = useMemo(() => {
    if (mode === 'create') return ['code', 'name', 'parentId', 'regionId', 'municipalityCode', 'contactRoleLabel', 'email', 'phone'];
    if (!existing.data) return [];
    return organisationFieldsWritable(session, existing.data.id, scope);
  }, [mode, existing.data, session, scope]);
  const isWritable = (f: OrganisationWritableField) => writable.includes(f);

  const set = (field: keyof Values) => (v: string) => setValues((s) => ({ ...s, [field]: field === 'code' ? v.toUpperCase() : v }));

  const labels: Record<string, string> = {
    code: t('organisations.code'),
    name: t('organisations.name'),
    type: t('organisations.type'),
    parentId: t('organisations.parent'),
    regionId: t('organisations.region'),
    municipalityCode: t('organisations.municipalityCode'),
    contactRoleLabel: t('organisations.contactRoleLabel'),
    email: t('organisations.email'),
    phone: t('organisations.phone'),
  };

  const type = (mode === 'edit' ? existing.data?.type : values.type) || '';
  const parentTypes = type ? ALLOWED_PARENT_TYPES[type] : [];
  const parentOptions = (organisations ?? [])
    .filter((o) => o.active && o.id !== existing.data?.id && parentTypes.includes(o.type))
    .map((o) => ({ value: o.id, label: o.name, group: t(`orgTypes.${o.type}`) }));
  const parentRequired = type !== '' && !parentTypes.includes(null);

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (mode === 'create' && !values.type) e.type = msg('form.required');
    if (isWritable('code') && !values.code.trim()) e.code = msg('form.required');
    if (isWritable('name') && !values.name.trim()) e.name = msg('form.required');
    if (isWritable('parentId') && parentRequired && !values.parentId) e.parentId = msg('organisations.parentRequired');
    if (isWritable('municipalityCode') && type === 'municipality' && !values.municipalityCode.trim()) e.municipalityCode = msg('form.required');
    return e;
  };

  const handleError = (err: unknown) => {
    if (isConflict(err)) {
      setProblem(err);
      return;
    }
    const fields = fieldErrorsFromProblem(err);
    if (err instanceof ApiError && CODE_TO_FIELD[err.code] && err.problem.messages) {
      const m: Msg = { nl: err.problem.messages.nl.detail, en: err.problem.messages.en.detail };
      fields[CODE_TO_FIELD[err.code]!] = m;
    }
    if (Object.keys(fields).length) setErrors(fields);
    else setProblem(err);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setNotice(null);
    const local = validate();
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    const now = normalised(values);
    void run(async () => {
      try {
        if (mode === 'create') {
          const body: Record<string, unknown> = { ...now, type: values.type };
          if (values.type !== 'municipality') delete body.municipalityCode;
          const res = await api.post<Organisation>('/organisations', body);
          invalidateOrganisationCache();
          announce(t('organisations.createdHeading'));
          navigate(`/beheer/organisaties/${res.data.id}`, { state: { saved: 'created' } });
          return;
        }
        if (!base || !existing.data) return;
        const before = normalised(base.values);
        const patch: Record<string, unknown> = {};
        for (const f of writable) if (now[f] !== before[f]) patch[f] = now[f];
        if (Object.keys(patch).length === 0) {
          setNotice('nothing_changed');
          return;
        }
        await api.patch<Organisation>(`/organisations/${existing.data.id}`, patch, { ifMatch: base.version });
        invalidateOrganisationCache();
        announce(t('organisations.updatedHeading'));
        navigate(`/beheer/organisaties/${existing.data.id}`, { state: { saved: 'updated' } });
      } catch (err) {
        handleError(err);
      }
    });
  };

  /** After a conflict: fetch the newest version. */
  const loadLatest = async (keepMine: boolean) => {
    const latest = await existing.reload();
    if (!latest) return;
    const latestValues = valuesOf(latest);
    // Keeping my changes: only the fields I changed override the newest version (a three-way merge).
    if (keepMine && base) setValues(mergeChanges(base.values, values, latestValues));
    else setValues(latestValues);
    setBase({ version: String(latest.version), values: latestValues });
    setProblem(null);
    setNotice(keepMine ? 'mine_kept' : 'latest_loaded');
  };

  const title = mode === 'create' ? t('organisations.createTitle') : existing.data ? t('organisations.editTitle', { name: existing.data.name }) : t('organisations.editTitleLoading');
  const cancelHref = mode === 'create' ? '/beheer/organisaties' : `/beheer/organisaties/${id}`;
  const fixedFields = mode === 'edit' && existing.data ? (['code', 'parentId', 'regionId', 'municipalityCode'] as const).filter((f) => !isWritable(f) && (f !== 'municipalityCode' || existing.data?.type === 'municipality')) : [];

  const ready = mode === 'create' || !!existing.data;
  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/beheer/organisaties" linkComponent={RouterLink}>
          {t('organisations.title')}
        </Breadcrumb.Link>
        {existing.data && (
          <Breadcrumb.Link href={`/beheer/organisaties/${existing.data.id}`} linkComponent={RouterLink}>
            {existing.data.name}
          </Breadcrumb.Link>
        )}
      </Breadcrumb>
      <PageHeading title={title}>{title}</PageHeading>
      {mode === 'edit' && existing.loading && !existing.data && <Loading />}
      {mode === 'edit' && existing.error !== null && !existing.data && <ProblemAlert error={existing.error} />}
      {problem !== null &&
        (isConflict(problem) ? (
          <ConflictAlert error={problem} onKeepMine={() => void loadLatest(true)} onLoadLatest={() => void loadLatest(false)} />
        ) : (
          <ProblemAlert error={problem} />
        ))}
      {notice && (
        <Alert severity={notice === 'nothing_changed' ? 'warning' : 'success'} heading={t(`form.notice.${notice}`)} headingLevel={2} className="tr-alert" role="status">
          <Paragraph>{t(`form.notice.${notice}Detail`)}</Paragraph>
        </Alert>
      )}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />

      {fixedFields.length > 0 && existing.data && (
        <section aria-labelledby="fixed-heading">
          <Heading level={2} size="level-4" id="fixed-heading" className="tr-section-heading">
            {t('organisations.fixedHeading')}
          </Heading>
          <DescriptionList termsWidth="medium">
            <DescriptionList.Term>{t('organisations.type')}</DescriptionList.Term>
            <DescriptionList.Description>{t(`orgTypes.${existing.data.type}`)}</DescriptionList.Description>
            {fixedFields.map((f) => (
              <FixedValue key={f} label={labels[f]!} value={f === 'parentId' ? organisations?.find((o) => o.id === existing.data!.parentId)?.name : f === 'regionId' ? regions?.find((r) => r.id === existing.data!.regionId)?.name : existing.data![f]} />
            ))}
          </DescriptionList>
        </section>
      )}

      {ready && (
        <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="page-heading">
          {mode === 'create' && (
            <SelectField
              form={FORM}
              name="type"
              label={labels.type!}
              value={values.type}
              onChange={(v) => setValues((s) => ({ ...s, type: v as OrganisationType, parentId: '' }))}
              options={ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`orgTypes.${v}`) }))}
              placeholder={t('organisations.chooseType')}
              error={errors.type}
            />
          )}
          {isWritable('name') && <TextField form={FORM} name="name" label={labels.name!} value={values.name} onChange={set('name')} error={errors.name} autoComplete="organization" />}
          {isWritable('code') && (
            <TextField form={FORM} name="code" label={labels.code!} hint={t('organisations.codeHint')} value={values.code} onChange={set('code')} error={errors.code} spellCheck={false} />
          )}
          {isWritable('parentId') && type !== '' && (parentTypes.some((p) => p !== null) || !!values.parentId) && (
            <SelectField
              form={FORM}
              name="parentId"
              label={labels.parentId!}
              hint={parentRequired ? t('organisations.parentHintRequired') : t('organisations.parentHint')}
              value={values.parentId}
              onChange={set('parentId')}
              options={parentOptions}
              placeholder={parentRequired ? t('organisations.chooseParent') : t('organisations.noParent')}
              optional={!parentRequired}
              error={errors.parentId}
            />
          )}
          {isWritable('regionId') && (
            <SelectField
              form={FORM}
              name="regionId"
              label={labels.regionId!}
              value={values.regionId}
              onChange={set('regionId')}
              options={(regions ?? []).map((r) => ({ value: r.id, label: r.name }))}
              placeholder={t('organisations.noRegion')}
              optional
              error={errors.regionId}
            />
          )}
          {isWritable('municipalityCode') && type === 'municipality' && (
            <TextField
              form={FORM}
              name="municipalityCode"
              label={labels.municipalityCode!}
              hint={t('organisations.municipalityCodeHint')}
              value={values.municipalityCode}
              onChange={(v) => setValues((s) => ({ ...s, municipalityCode: v.toUpperCase() }))}
              error={errors.municipalityCode}
              spellCheck={false}
            />
          )}
          {isWritable('contactRoleLabel') && (
            <TextField form={FORM} name="contactRoleLabel" label={labels.contactRoleLabel!} hint={t('organisations.contactRoleLabelHint')} value={values.contactRoleLabel} onChange={set('contactRoleLabel')} error={errors.contactRoleLabel} optional />
          )}
          {isWritable('email') && <TextField form={FORM} name="email" type="email" label={labels.email!} value={values.email} onChange={set('email')} error={errors.email} autoComplete="email" optional spellCheck={false} />}
          {isWritable('phone') && <TextField form={FORM} name="phone" type="tel" label={labels.phone!} hint={t('organisations.phoneHint')} value={values.phone} onChange={set('phone')} error={errors.phone} autoComplete="tel" optional />}
          <Row gap="large" alignVertical="center" wrap>
            <Button type="submit" disabled={pending || (mode === 'edit' && !base)}>
              {mode === 'create' ? t('organisations.createSubmit') : t('common.save')}
            </Button>
            <Link href={cancelHref} linkComponent={RouterLink}>
              {t('common.cancel')}
            </Link>
          </Row>
        </form>
      )}
    </Column>
  );
}

function FixedValue({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <DescriptionList.Term>{label}</DescriptionList.Term>
      <DescriptionList.Description>{value || t('common.none')}</DescriptionList.Description>
    </>
  );
}
