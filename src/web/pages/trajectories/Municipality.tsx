/**
 * The municipality a trajectory counts for in the monitor (monitor.md §11, R-MO-18): the referring
 * municipality when the trajectory starts, the dwelling's once there is a dwelling. Where the region
 * has one municipality nobody chooses: the server fills it in. The events that carry it get their
 * select from the generated step form (steps.ts, `municipalityRef`).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '@amsterdam/design-system-react';
import type { MunicipalityOption, Trajectory } from '../../api/types.ts';
import { SelectField, type FieldErrors } from '../../components/forms.tsx';
import { useAllOrganisations } from '../../lib/organisations.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { StatusText } from './common.tsx';

export const municipalityLabel = (m: MunicipalityOption) => (m.code ? `${m.name} (${m.code})` : m.name);

/** The active municipalities of the region of the organisation the user acts for (null while loading). */
export function useOwnRegionMunicipalities(): MunicipalityOption[] | null {
  const { activeMembership } = useSession();
  const { organisations } = useAllOrganisations(!!activeMembership);
  const own = activeMembership?.organisationId ?? null;
  return useMemo(() => {
    if (!organisations || !own) return null;
    const region = organisations.find((o) => o.id === own)?.regionId ?? null;
    if (!region) return [];
    return organisations
      .filter((o) => o.type === 'municipality' && o.active && o.regionId === region)
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
      .map((o) => ({ id: o.id, name: o.name, code: o.municipalityCode }));
  }, [organisations, own]);
}

/** The referring municipality of a new trajectory; only asked when the region has several municipalities. */
export function ReferringMunicipalityField({ form, value, onChange, error, options }: {
  form: string;
  value: string;
  onChange: (v: string) => void;
  error?: FieldErrors[string];
  options: MunicipalityOption[] | null;
}) {
  const { t } = useTranslation();
  if (!options || options.length < 2) return null;
  return (
    <SelectField form={form} name="municipalityId" label={t('steps.fields.municipalityId')} hint={t('steps.hints.municipalityId')} optional value={value} onChange={onChange} error={error}
      placeholder={t('steps.noMunicipality')} options={options.map((m) => ({ value: m.id, label: municipalityLabel(m) }))} />
  );
}

/** The municipality in the case summary; when unknown, where to record it (the step "Gemeente vastgelegd"). */
export function CaseMunicipality({ trajectory: tr, canRecord }: { trajectory: Trajectory; canRecord: boolean }) {
  const { t } = useTranslation();
  if (tr.municipality) {
    return (
      <>
        {municipalityLabel(tr.municipality)} <span className="tr-muted">({t(`trajectory.municipalityBasis.${tr.municipality.basis}`)})</span>
      </>
    );
  }
  return (
    <>
      <StatusText tone="bad">{t('trajectory.municipalityMissing')}</StatusText>
      {canRecord && (
        <>
          {' '}
          <Link href="#stap">{t('trajectory.municipalityRecord')}</Link>
        </>
      )}
    </>
  );
}
