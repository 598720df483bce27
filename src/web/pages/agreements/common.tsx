/** Shared pieces of the agreements pages: API types, the links between the pages, municipality and year pickers. */
import { Field, Label, LinkList, Select } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../components/RouterLink.tsx';
import { useAllOrganisations } from '../../lib/organisations.ts';
import type { Organisation } from '../../api/types.ts';
import { todayIso } from '../../lib/format.ts';
import { can } from '../../session/policy.ts';
import { useSession } from '../../session/SessionContext.tsx';

export type Text = { nl: string; en: string };
export interface OrgRef { id: string; code: string; name: string; municipalityCode: string | null }
export type MainGroup = 'MG-1' | 'MG-2' | 'MG-3';
export const MAIN_GROUPS: MainGroup[] = ['MG-1', 'MG-2', 'MG-3'];

export interface Agreement {
  id: string;
  municipality: OrgRef;
  name: string;
  firstYear: number;
  lastYear: number;
  kind: 'absolute' | 'share';
  yearlyNumber: number | null;
  share: number | null;
  distributeOverCorporations: boolean;
  tolerance: number;
  version: number;
}

export interface AgreedVolume { kind: 'absolute' | 'share'; value: number | null; rounded: number | null; share: number | null; released: number | null }

export interface PlanLine {
  id: string;
  level: 'main_group' | 'target_group' | 'group_set';
  mainGroup: string | null;
  targetGroup: string | null;
  groupSet: { name: string; codes: string[] } | null;
  corporationId: string | null;
  dwellings: number;
}

export interface PlanVersion {
  id: string;
  year: number;
  versionNo: number;
  role: 'initial' | 'current' | 'earlier' | 'initial_and_current';
  decisionDate: string;
  effectiveFrom: string;
  reason: string;
  lines: PlanLine[];
  planned: number;
  agreed: number | null;
  warnings: { code: string; planned: number; agreed: number; difference: number; text: Text }[];
}

export interface DistributionRow { corporation: OrgRef; stock: number | null; stockShare: number | null; computed: number | null; recorded: number | null; target: number | null }
export interface Distribution { year: number; yearlyNumber: number | null; totalStock: number; distributable: boolean; computedTotal: number; targetTotal: number; rows: DistributionRow[] }

export interface AgreementDetail extends Agreement {
  planVersions: PlanVersion[];
  recordedTargets: { year: number; corporationId: string; dwellings: number }[];
  year?: { year: number; agreed: AgreedVolume; distribution: Distribution | null };
}

export interface TargetGroup {
  code: string;
  mainGroup: MainGroup;
  hierarchyId: string | null;
  label: Text;
  countsTowardAgreement: boolean;
  validFrom: string;
  validTo: string | null;
  sortOrder: number;
  version: number;
}

export const currentYear = () => Number(todayIso().slice(0, 4));

/** Links between the agreements pages (there is one "Monitor" item in the main navigation). */
export function AgreementsLinks({ current }: { current: 'monitor' | 'agreements' | 'targetGroups' | 'figures' | 'import' }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const links = [
    { key: 'monitor', href: '/monitor', label: t('agreements.links.monitor') },
    { key: 'agreements', href: '/monitor/afspraken', label: t('agreements.links.agreements') },
    { key: 'targetGroups', href: '/monitor/doelgroepen', label: t('agreements.links.targetGroups') },
    { key: 'figures', href: '/monitor/cijfers', label: t('agreements.links.figures') },
    ...(can(session, 'placement.import') ? [{ key: 'import', href: '/monitor/import', label: t('agreements.links.import') }] : []),
  ].filter((l) => l.key !== current);
  return (
    <nav aria-label={t('agreements.links.label')}>
      <LinkList>
        {links.map((l) => (
          <LinkList.Link key={l.key} href={l.href} linkComponent={RouterLink}>
            {l.label}
          </LinkList.Link>
        ))}
      </LinkList>
    </nav>
  );
}

/** The municipalities and housing corporations known to the platform. */
export function useProgrammeOrganisations(): { municipalities: Organisation[] | null; corporations: Organisation[] | null; error: unknown } {
  const { organisations, error } = useAllOrganisations();
  const active = organisations?.filter((o) => o.active) ?? null;
  return {
    municipalities: active?.filter((o) => o.type === 'municipality').sort((a, b) => a.name.localeCompare(b.name, 'nl')) ?? null,
    corporations: active?.filter((o) => o.type === 'housing_corporation').sort((a, b) => a.name.localeCompare(b.name, 'nl')) ?? null,
    error,
  };
}

export function MunicipalityPicker({ id, value, onChange, municipalities }: { id: string; value: string; onChange: (v: string) => void; municipalities: Organisation[] }) {
  const { t } = useTranslation();
  return (
    <Field className="tr-inline-field">
      <Label htmlFor={id}>{t('agreements.municipality')}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {municipalities.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.name}
            {m.municipalityCode ? ` (${m.municipalityCode})` : ''}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

export function YearPicker({ id, value, onChange, years, controls }: { id: string; value: number; onChange: (v: number) => void; years: number[]; controls?: string }) {
  const { t } = useTranslation();
  return (
    <Field className="tr-inline-field">
      <Label htmlFor={id}>{t('agreements.year')}</Label>
      <Select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))} aria-controls={controls}>
        {years.map((y) => (
          <Select.Option key={y} value={String(y)}>
            {y}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

/** Whole number from a text field; null when empty or not a non-negative integer. */
export function parseCount(v: string): number | null {
  const s = v.trim().replace(/\./g, '');
  return /^\d{1,8}$/.test(s) ? Number(s) : null;
}

export function percent(n: number | null, lang: 'nl' | 'en', digits = 1): string {
  if (n === null) return '—';
  return `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)}%`;
}
