/**
 * The monthly monitor (R-MO-17..R-MO-21): headline tiles, planned vs delivered per group and per
 * corporation, monthly delivery, wait times, households still waiting, statushouders, moves and
 * swaps apart, and the regional 10% signal. Every table is a model from domain/monitor/tables.ts
 * — the same the server exports as CSV/XLSX and prints in the monthly PDF.
 *
 * Filters are a search form reflected in the URL (?jaar, maand, gemeente | regio, corporatie).
 * Default view per party (R-MO-21): a municipality sees its own municipality, a corporation its
 * own corporation; the full regional view is one link away.
 */
import { useEffect, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, Heading, Link, Paragraph, Row, UnorderedList } from '@amsterdam/design-system-react';
import type { MonitorResponse } from '../../../domain/monitor/model.ts';
import { MONTHS, SIGNAL_TEXT, STATUS_TEXT, headline, monitorTable, uptoText, type TableModel, type TableName } from '../../../domain/monitor/tables.ts';
import { dateInWords } from '../../../domain/monitor/period.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { AgreementsLinks } from '../agreements/common.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { SelectField } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatNumber, todayIso } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { Downloads, MonitorTable, TableNotes } from './MonitorTable.tsx';
import { MonthlyChart, StatushoudersChart, WaitChart } from './charts.tsx';
import { HouseholdSizesSection } from './HouseholdSizes.tsx';
import { ReportLayoutSection } from './ReportLayoutSection.tsx';
import './monitor.css';

const FORM = 'monitor-filter';
/** corporatie=alle: every corporation, also for a corporation user (whose default is the own one). */
const ALL = 'alle';

interface MonitorFilters {
  municipalities: Array<{ code: string; organisationCode: string; name: string; region: string | null }>;
  regions: Array<{ code: string; name: string }>;
  corporations: Array<{ code: string; name: string }>;
}

interface Scope { year: number; month?: number; municipality?: string; region?: string; corporation?: string }

export function MonitorPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { activeMembership } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useResource<MonitorFilters>('/monitor/filters');
  const thisYear = Number(todayIso().slice(0, 4));
  const f = filters.data;

  // The scope asked for, with the party's default where the URL says nothing (R-MO-21).
  const yearParam = Number(params.get('jaar'));
  const monthParam = Number(params.get('maand'));
  const ownCorporation = activeMembership?.organisationType === 'housing_corporation' ? activeMembership.organisationCode : undefined;
  const ownMunicipality = f?.municipalities.find((m) => m.organisationCode === activeMembership?.organisationCode);
  const scope: Scope = {
    year: Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : thisYear,
    ...(Number.isInteger(monthParam) && monthParam >= 1 && monthParam <= 12 ? { month: monthParam } : {}),
  };
  const muParam = params.get('gemeente') ?? '';
  const regionParam = params.get('regio') ?? '';
  if (muParam) scope.municipality = muParam;
  else if (regionParam) scope.region = regionParam;
  else if (ownMunicipality) scope.municipality = ownMunicipality.code;
  else if (f?.regions[0]) scope.region = f.regions[0].code;
  const corpParam = params.get('corporatie');
  if (corpParam && corpParam !== ALL) scope.corporation = corpParam;
  else if (!corpParam && ownCorporation) scope.corporation = ownCorporation;

  const ready = !!f && (!!scope.municipality || !!scope.region);
  const monitor = useResource<MonitorResponse>(ready ? '/monitor' : null, { ...scope });
  const m = monitor.data;
  useEffect(() => {
    if (m && !monitor.loading) announce(t('monitor.loaded', { month: uptoText(m)[lang], year: m.year }));
  }, [m, monitor.loading, announce, t, lang]);

  /** The URL of a scope (for links such as "the whole region"). */
  const hrefOf = (s: Scope) => {
    const q = new URLSearchParams();
    q.set('jaar', String(s.year));
    if (s.month) q.set('maand', String(s.month));
    if (s.municipality) q.set('gemeente', s.municipality);
    else if (s.region) q.set('regio', s.region);
    q.set('corporatie', s.corporation ?? ALL);
    return `/monitor?${q.toString()}`;
  };

  return (
    <Column gap="large">
      <PageHeading>{t('monitor.title')}</PageHeading>
      <Paragraph>{t('monitor.intro')}</Paragraph>
      <AgreementsLinks current="monitor" />
      {filters.error !== null && <ProblemAlert error={filters.error} onRetry={() => void filters.reload()} />}
      {filters.loading && !f && <Loading />}
      {f && <FilterForm filters={f} scope={scope} onSubmit={(s) => setParams(new URLSearchParams(hrefOf(s).split('?')[1]))} />}
      {f && <DefaultView scope={scope} filters={f} ownCorporation={ownCorporation} ownMunicipality={ownMunicipality} hrefOf={hrefOf} />}
      {f && !ready && <Paragraph>{t('monitor.noArea')}</Paragraph>}
      {monitor.error !== null && <ProblemAlert error={monitor.error} onRetry={() => void monitor.reload()} />}
      {monitor.loading && !m && <Loading />}
      {m && <Dashboard m={m} ownCorporation={ownCorporation} busy={monitor.loading} />}
    </Column>
  );
}

function FilterForm({ filters, scope, onSubmit }: { filters: MonitorFilters; scope: Scope; onSubmit: (s: Scope) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const thisYear = Number(todayIso().slice(0, 4));
  const initial = {
    year: String(scope.year),
    month: scope.month ? String(scope.month) : '',
    area: scope.municipality ?? (scope.region ? `regio:${scope.region}` : ''),
    corporation: scope.corporation ?? '',
  };
  const key = JSON.stringify(initial);
  const [draft, setDraft] = useState(initial);
  useEffect(() => setDraft(JSON.parse(key) as typeof initial), [key]);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(scope.year)) years.push(scope.year);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s: Scope = { year: Number(draft.year) };
    if (draft.month) s.month = Number(draft.month);
    if (draft.area.startsWith('regio:')) s.region = draft.area.slice('regio:'.length);
    else if (draft.area) s.municipality = draft.area;
    if (draft.corporation) s.corporation = draft.corporation;
    onSubmit(s);
  };
  return (
    <form role="search" aria-label={t('monitor.filterName')} method="get" action="/monitor" noValidate onSubmit={submit} className="tr-filters">
      <Row wrap alignVertical="end" gap="large">
        <SelectField form={FORM} name="year" label={t('monitor.year')} value={draft.year} onChange={(v) => setDraft((d) => ({ ...d, year: v }))}
          options={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField form={FORM} name="month" label={t('monitor.month')} value={draft.month} onChange={(v) => setDraft((d) => ({ ...d, month: v }))}
          options={MONTHS.map((mo, i) => ({ value: String(i + 1), label: mo[lang] }))} placeholder={t('monitor.latestMonth')} optional />
        <SelectField form={FORM} name="area" label={t('monitor.area')} value={draft.area} onChange={(v) => setDraft((d) => ({ ...d, area: v }))}
          options={[
            ...filters.regions.map((r) => ({ value: `regio:${r.code}`, label: t('monitor.wholeRegion', { name: r.name }), group: t('monitor.regions') })),
            ...filters.municipalities.map((mu) => ({ value: mu.code, label: mu.name, group: t('monitor.municipalities') })),
          ]} />
        <SelectField form={FORM} name="corporation" label={t('monitor.corporation')} value={draft.corporation} onChange={(v) => setDraft((d) => ({ ...d, corporation: v }))}
          options={filters.corporations.map((c) => ({ value: c.code, label: c.name }))} placeholder={t('monitor.allCorporations')} optional />
        <Button type="submit" variant="secondary">{t('monitor.show')}</Button>
      </Row>
    </form>
  );
}

/** R-MO-21: which default applies, and the one step to the full regional view (or back). */
function DefaultView({ scope, filters, ownCorporation, ownMunicipality, hrefOf }: {
  scope: Scope; filters: MonitorFilters; ownCorporation?: string; ownMunicipality?: MonitorFilters['municipalities'][number]; hrefOf: (s: Scope) => string;
}) {
  const { t } = useTranslation();
  const region = ownMunicipality?.region ?? filters.regions[0]?.code;
  const link = (href: string, text: string, testId: string) => (
    <Link href={href} linkComponent={RouterLink} data-testid={testId}>{text}</Link>
  );
  if (ownCorporation) {
    const name = filters.corporations.find((c) => c.code === ownCorporation)?.name ?? ownCorporation;
    return scope.corporation === ownCorporation ? (
      <Paragraph data-testid="monitor-default-view">
        {t('monitor.ownCorporationView', { name })} {link(hrefOf({ ...scope, corporation: undefined }), t('monitor.showAllCorporations'), 'monitor-full-view')}
      </Paragraph>
    ) : (
      <Paragraph data-testid="monitor-default-view">
        {t('monitor.allCorporationsView', { name })} {link(hrefOf({ ...scope, corporation: ownCorporation }), t('monitor.showOwnCorporation', { name }), 'monitor-own-view')}
      </Paragraph>
    );
  }
  if (ownMunicipality && region) {
    return scope.municipality === ownMunicipality.code ? (
      <Paragraph data-testid="monitor-default-view">
        {t('monitor.ownMunicipalityView', { name: ownMunicipality.name })} {link(hrefOf({ ...scope, municipality: undefined, region }), t('monitor.showRegion'), 'monitor-full-view')}
      </Paragraph>
    ) : (
      <Paragraph data-testid="monitor-default-view">
        {link(hrefOf({ ...scope, region: undefined, municipality: ownMunicipality.code }), t('monitor.showOwnMunicipality', { name: ownMunicipality.name }), 'monitor-own-view')}
      </Paragraph>
    );
  }
  return null;
}

function Dashboard({ m, ownCorporation, busy }: { m: MonitorResponse; ownCorporation?: string; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const table = (name: TableName) => monitorTable(m, name, { ownCorporation });
  const query = new URLSearchParams();
  query.set('year', String(m.year));
  query.set('month', String(m.month));
  if (m.scope.municipality) query.set('municipality', m.scope.municipality);
  if (m.scope.region) query.set('region', m.scope.region);
  if (m.scope.corporation) query.set('corporation', m.scope.corporation);
  const h = headline(m);
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang));
  const month = MONTHS[m.month - 1]![lang];
  const pdfQuery = new URLSearchParams(query);
  if (lang === 'en') pdfQuery.set('lang', 'en');

  const upto = uptoText(m)[lang];
  const running = m.state === 'running';
  const corporationName = m.scope.corporation ? m.labels.corporations[m.scope.corporation] ?? m.scope.corporation : '';
  const what = h.targetKind === 'corporation' ? t('monitor.tiles.theCorporationTarget', { name: corporationName }) : t('monitor.tiles.theAgreement');
  const deliveredSub = h.agreed === null
    ? (h.targetKind === 'corporation' ? t('monitor.tiles.noCorporationTarget', { name: corporationName }) : t('monitor.tiles.noAgreement'))
    : t(h.targetKind === 'corporation' ? 'monitor.tiles.ofCorporationTarget' : 'monitor.tiles.ofAgreed', { agreed: n(h.agreed), year: m.year, name: corporationName });
  const expectedSub = [
    h.status ? STATUS_TEXT[h.status][lang] : t('monitor.none'),
    ...(h.expectedToDate === null ? [] : [running ? t('monitor.tiles.expectedRunning', { what }) : t('monitor.tiles.expectedClosed', { month, months: m.month, what })]),
  ].join(' — ');
  const monthSub = h.monthTarget === null
    ? t('monitor.tiles.monthNoTarget')
    : t(running ? 'monitor.tiles.monthShareRunning' : 'monitor.tiles.monthShareClosed', { n: n(h.monthTarget), what });

  /** The sections of the page, for the in-page navigation. */
  const sections: Array<{ id: string; heading: string }> = [
    { id: 'monitor-tiles', heading: t('monitor.tiles.heading') },
    { id: 'monitor-groups', heading: t('monitor.sections.groups') },
    { id: 'monitor-corporations', heading: t('monitor.sections.corporations') },
    { id: 'monitor-monthly', heading: t('monitor.sections.monthly') },
    { id: 'monitor-wait-times', heading: t('monitor.sections.waitTimes') },
    { id: 'monitor-waiting', heading: t('monitor.sections.waiting') },
    { id: 'monitor-statushouders', heading: t('monitor.sections.statushouders') },
    { id: 'monitor-apart', heading: t('monitor.sections.apart') },
    { id: 'monitor-regional', heading: t('monitor.sections.regional') },
  ];
  /** An in-page link moves focus to the section heading (not only the scroll position). */
  const goTo = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(`${id}-heading`);
    if (!target) return;
    e.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
    window.history.replaceState(window.history.state, '', `#${id}-heading`);
  };

  const section = (name: TableName, heading: string, intro: string | null, chart?: (model: TableModel) => ReactNode) => {
    const model = table(name);
    const id = `monitor-${name}`;
    return (
      <section aria-labelledby={`${id}-heading`} className="tr-section" key={name}>
        <Heading level={2} id={`${id}-heading`} tabIndex={-1} className="tr-section-heading">{heading}</Heading>
        {intro && <Paragraph>{intro}</Paragraph>}
        {chart?.(model)}
        <MonitorTable model={model} id={id} />
        <TableNotes model={model} monitor={m} id={id} />
        <Downloads model={model} query={query} />
      </section>
    );
  };

  return (
    <div aria-busy={busy || undefined} className="tr-monitor" data-testid="monitor-dashboard">
      <Column gap="large">
        <Paragraph data-testid="monitor-scope">
          {t('monitor.asOf', { date: dateInWords(m.asOf, lang) })}
          {running && <> {t('monitor.asOfRunning', { date: dateInWords(m.asOf, lang) })}</>}
        </Paragraph>
        <nav aria-labelledby="monitor-nav-heading" className="tr-monitor-nav" data-testid="monitor-nav">
          <Heading level={2} id="monitor-nav-heading" className="tr-monitor-nav-heading">{t('monitor.nav.label')}</Heading>
          <UnorderedList>
            {sections.map((x) => (
              <UnorderedList.Item key={x.id}>
                <Link href={`#${x.id}-heading`} onClick={(e: MouseEvent<HTMLAnchorElement>) => goTo(e, x.id)}>{x.heading}</Link>
              </UnorderedList.Item>
            ))}
          </UnorderedList>
        </nav>
        <section aria-labelledby="monitor-tiles-heading" className="tr-section">
          <Heading level={2} id="monitor-tiles-heading" tabIndex={-1} className="tr-section-heading">{t('monitor.tiles.heading')}</Heading>
          <ul className="tr-monitor-tiles" data-testid="monitor-tiles">
            <Tile label={t('monitor.tiles.delivered', { upto })} value={n(h.deliveredYtd)} sub={deliveredSub} testId="monitor-tile-delivered" />
            <Tile label={t('monitor.tiles.expected', { upto })} value={n(h.expectedToDate)} sub={expectedSub} testId="monitor-tile-expected" />
            <Tile label={t('monitor.tiles.month', { month })} value={n(h.monthDelivered)} sub={monthSub} testId="monitor-tile-month" />
            <Tile label={t('monitor.tiles.realisation')} value={h.realisation === null ? '—' : `${n(h.realisation)}%`} sub={t('monitor.tiles.deliveredYear', { n: n(h.deliveredYear) })} />
            <Tile label={t('monitor.tiles.within3')} value={h.within3 === null ? '—' : `${n(h.within3)}%`} sub={t('monitor.tiles.waitBase', { n: n(h.waitBase) })} />
            <Tile label={t('monitor.tiles.waiting')} value={n(h.waiting)} sub={running ? t('monitor.tiles.waitingSubRunning', { date: dateInWords(m.asOf, lang) }) : t('monitor.tiles.waitingSub')} />
            {h.signal && <Tile label={t('monitor.tiles.signal')} value={SIGNAL_TEXT[h.signal]?.[lang] ?? h.signal} sub={t('monitor.tiles.signalSub')} small />}
          </ul>
          <Row gap="large" wrap>
            <Link href={`/api/v1/monitor/report.pdf?${pdfQuery.toString()}`} data-testid="monitor-report-pdf">{t('monitor.reportPdf')}</Link>
          </Row>
        </section>

        {m.warnings.length > 0 && (
          <Alert severity="warning" heading={t('monitor.warningsHeading')} headingLevel={2} data-testid="monitor-warnings">
            <UnorderedList>
              {m.warnings.map((w, i) => <UnorderedList.Item key={i}>{w.text[lang]}</UnorderedList.Item>)}
            </UnorderedList>
          </Alert>
        )}

        {section('groups', t('monitor.sections.groups'), m.planVersions.length ? planVersionsText(m, lang, t) : t('monitor.sections.groupsIntro'))}
        {section('corporations', t('monitor.sections.corporations'), t('monitor.sections.corporationsIntro'))}
        {section('monthly', t('monitor.sections.monthly'), null, (model) => <MonthlyChart model={model} />)}
        {section('wait-times', t('monitor.sections.waitTimes'), t('monitor.sections.waitTimesIntro'), (model) => <WaitChart model={model} />)}
        {section('waiting', t('monitor.sections.waiting'), null)}
        {section('statushouders', t('monitor.sections.statushouders'), t('monitor.sections.statushoudersIntro'), (model) => <StatushoudersChart model={model} />)}
        {section('apart', t('monitor.sections.apart'), null)}
        {section('regional', t('monitor.sections.regional'), t('monitor.sections.regionalIntro'))}
        <HouseholdSizesSection query={query} />
        <ReportLayoutSection query={query} />
      </Column>
    </div>
  );
}

/** R-MO-09: the initial plan version alongside the current one. */
function planVersionsText(m: MonitorResponse, lang: 'nl' | 'en', t: (k: string, o?: Record<string, unknown>) => string): string {
  return m.planVersions
    .map((v) => t(v.role === 'current' ? 'monitor.planCurrent' : 'monitor.planInitial', { version: v.versionNo, date: dateInWords(v.decisionDate, lang), reason: v.reason }))
    .join(' ');
}

function Tile({ label, value, sub, small, testId }: { label: string; value: string; sub: string; small?: boolean; testId?: string }) {
  return (
    <li className="tr-monitor-tile" data-testid={testId}>
      <span className="tr-monitor-tile-label">{label}</span>
      <span className={small ? 'tr-monitor-tile-value tr-monitor-tile-value-small' : 'tr-monitor-tile-value'}>{value}</span>
      <span className="tr-monitor-tile-sub">{sub}</span>
    </li>
  );
}
