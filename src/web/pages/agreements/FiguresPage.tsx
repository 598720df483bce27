/**
 * "Cijfers corporaties": per municipality and year the stock per corporation on 1 January
 * (R-MO-15), the released dwellings per month (M-10) and by number of rooms (R-MO-39, optional),
 * and the municipal inputs: estimated need
 * (M-12), statushouders quota per half-year in versions (M-20, R-MO-34), opening backlog
 * (R-MO-33) and housing units for young statushouders (M-27).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Column, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import type { Organisation } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, dateKey, useSort } from '../../components/SortableTable.tsx';
import { ErrorSummary, SelectField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { AgreementsLinks, MunicipalityPicker, YearPicker, currentYear, parseCount, useProgrammeOrganisations, type OrgRef } from './common.tsx';

interface CorpFigure { corporation: OrgRef; dwellings: number; month?: number; rooms?: number }
interface StockResponse { total: number; items: CorpFigure[] }
interface ReleasedResponse { total: number; byMonth: number[]; items: (CorpFigure & { month: number })[] }
interface RoomsResponse { total: number; byRooms: number[]; released: number; items: (CorpFigure & { rooms: number })[] }
interface NeedResponse { items: { mainGroup: string; dwellings: number }[]; agreed: number | null; gap: number | null }
interface Quota { id: string; year: number; half: number; versionNo: number; current: boolean; persons: number; decisionDate: string; reason: string }
interface QuotaResponse { items: Quota[]; current: { year: number; half1: number | null; half2: number | null; total: number }[] }
interface BacklogResponse { backlog: { year: number; persons: number; version: number } | null }
interface UnitsResponse { items: { year: number; targetUnits: number; cumulativeUnits: number; deliveredUnits: number; withoutLocation: number; version: number }[] }

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Number of rooms; 5 = 5 or more (R-MO-39). */
const ROOMS = [1, 2, 3, 4, 5];

export function FiguresPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { municipalities, corporations, error } = useProgrammeOrganisations();
  const [municipality, setMunicipality] = useState('');
  const [year, setYear] = useState(currentYear());
  useEffect(() => {
    if (!municipality && municipalities?.[0]) setMunicipality(municipalities[0].id);
  }, [municipalities, municipality]);
  const y = currentYear();
  const years = Array.from({ length: y - 2016 + 3 }, (_, i) => 2016 + i);
  const mayFigures = can(session, 'corporation_figures.manage', { organisationIds: municipality ? [municipality] : [] });
  const mayInputs = can(session, 'agreement.manage', { organisationIds: municipality ? [municipality] : [] });

  return (
    <Column gap="large">
      <PageHeading>{t('agreements.figures.title')}</PageHeading>
      <Paragraph>{t('agreements.figures.intro')}</Paragraph>
      <AgreementsLinks current="figures" />
      {error !== null && <ProblemAlert error={error} />}
      {municipalities && municipalities.length > 0 && (
        <>
          <MunicipalityPicker id="figures-municipality" value={municipality} onChange={setMunicipality} municipalities={municipalities} />
          <YearPicker id="figures-year" value={year} onChange={setYear} years={years} />
        </>
      )}
      {municipality && corporations && (
        <>
          <StockSection key={`stock-${municipality}-${year}`} municipality={municipality} year={year} corporations={corporations} editable={mayFigures} />
          <ReleasedSection key={`rel-${municipality}-${year}`} municipality={municipality} year={year} corporations={corporations} editable={mayFigures} />
          <RoomsSection key={`rooms-${municipality}-${year}`} municipality={municipality} year={year} corporations={corporations} editable={mayFigures} />
          <NeedSection key={`need-${municipality}-${year}`} municipality={municipality} year={year} editable={mayInputs} />
          <QuotaSection key={`quota-${municipality}-${year}`} municipality={municipality} year={year} editable={mayInputs} />
          <BacklogSection key={`backlog-${municipality}`} municipality={municipality} editable={mayInputs} />
          <UnitsSection key={`units-${municipality}-${year}`} municipality={municipality} year={year} editable={mayInputs} />
        </>
      )}
    </Column>
  );
}

/** A section with its heading, load state and save feedback. */
function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="tr-section">
      <Heading level={2} id={`${id}-heading`} className="tr-section-heading">
        {title}
      </Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      {children}
    </section>
  );
}

function NumberInput({ label, value, onChange, invalid }: { label: string; value: string; onChange: (v: string) => void; invalid?: boolean }) {
  return (
    <input className="ams-text-input tr-number-input" inputMode="numeric" aria-label={label} aria-invalid={invalid || undefined} value={value} onChange={(e) => onChange(e.target.value)} size={7} />
  );
}

function useSave() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const { pending, run } = useSubmitting();
  const save = (fn: () => Promise<unknown>) => {
    setProblem(null);
    setSaved(false);
    void run(async () => {
      try {
        await fn();
        setSaved(true);
        announce(t('agreements.figures.saved'));
      } catch (err) {
        setProblem(err);
      }
    });
  };
  return { problem, saved, pending, save };
}

function SaveFeedback({ problem, saved }: { problem: unknown; saved: boolean }) {
  const { t } = useTranslation();
  if (problem !== null) return <ProblemAlert error={problem} headingLevel={3} />;
  if (saved) return <Alert severity="success" headingLevel={3} heading={t('agreements.figures.saved')} className="tr-alert" />;
  return null;
}

/** A column of a corporation grid: its key in the saved items (null = the single value of a corporation) and its header. */
interface GridColumn { key: number | null; label: string }

/**
 * One editor for the figures kept per corporation (stock; released dwellings per month; released
 * dwellings by rooms): corporations × columns of counts, a total row, invalid cells marked, and
 * the whole set saved at once with PUT (the API replaces the set for the municipality and year).
 */
function CorporationGridSection<R extends { items: CorpFigure[] }>(props: {
  id: string; title: string; intro: string; caption: string; saveLabel: string;
  path: string; municipality: string; year: number; corporations: Organisation[]; editable: boolean;
  /** The item field that holds the column key; none for one value per corporation. */
  columnField?: 'month' | 'rooms';
  columns: GridColumn[];
  cellLabel: (corporation: string, column: GridColumn) => string;
  footer?: (data: R, total: number) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { path, municipality, year, corporations, columns, columnField, editable } = props;
  const res = useResource<R>(path, { municipality, year });
  const [values, setValues] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const s = useSave();
  const key = (corporation: string, column: number | null) => (column === null ? corporation : `${corporation}/${column}`);
  useEffect(() => {
    if (res.data) setValues(Object.fromEntries(res.data.items.map((i) => [key(i.corporation.id, columnField ? Number(i[columnField]) : null), String(i.dwellings)])));
  }, [res.data, columnField]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = Object.entries(values).filter(([, v]) => v.trim() !== '' && parseCount(v) === null).map(([k]) => k);
    setInvalid(bad);
    if (bad.length) return;
    const items = Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => {
      const [corporationId, column] = k.split('/');
      return { corporationId, ...(columnField ? { [columnField]: Number(column) } : {}), dwellings: parseCount(v) };
    });
    s.save(async () => res.set((await api.put<R>(path, { items }, { query: { municipality, year } })).data));
  };
  // Only the corporation column sorts: the other columns are fields being filled in.
  const sort = useSort(corporations, { corporation: (c: Organisation) => c.name });
  const columnTotal = (column: number | null) => corporations.reduce((sum, c) => sum + (parseCount(values[key(c.id, column)] ?? '') ?? 0), 0);
  const total = columns.reduce((sum, c) => sum + columnTotal(c.key), 0);
  return (
    <Section id={props.id} title={props.title} intro={props.intro}>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} headingLevel={3} />}
      {!res.data && res.loading && <Loading />}
      <SaveFeedback problem={s.problem} saved={s.saved} />
      {res.data && (
        <form noValidate onSubmit={submit} aria-labelledby={`${props.id}-heading`}>
          <TableScroll label={props.caption}>
            <Table className="tr-table">
              <Table.Caption>{props.caption}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <SortHeaderCell sort={sort} column="corporation">{t('agreements.corporation')}</SortHeaderCell>
                  {columns.map((c) => <Table.HeaderCell key={String(c.key)} scope="col">{c.label}</Table.HeaderCell>)}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {sort.rows.map((corp) => (
                  <Table.Row key={corp.id}>
                    <Table.HeaderCell scope="row">{corp.name}</Table.HeaderCell>
                    {columns.map((c) => {
                      const k = key(corp.id, c.key);
                      return (
                        <Table.Cell key={String(c.key)}>
                          {editable ? (
                            <NumberInput label={props.cellLabel(corp.name, c)} value={values[k] ?? ''} onChange={(x) => setValues((v) => ({ ...v, [k]: x }))} invalid={invalid.includes(k)} />
                          ) : (values[k] ?? '—')}
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('agreements.total')}</Table.HeaderCell>
                  {columns.map((c) => <Table.Cell key={String(c.key)}>{formatNumber(columnTotal(c.key), lang)}</Table.Cell>)}
                </Table.Row>
              </Table.Body>
            </Table>
          </TableScroll>
          {props.footer?.(res.data, total)}
          {invalid.length > 0 && <Paragraph className="tr-error-text">{t('agreements.countInvalid')}</Paragraph>}
          {editable && <Button type="submit" disabled={s.pending}>{props.saveLabel}</Button>}
        </form>
      )}
    </Section>
  );
}

type GridProps = { municipality: string; year: number; corporations: Organisation[]; editable: boolean };

/** R-MO-15: the stock per corporation on 1 January. */
function StockSection(p: GridProps) {
  const { t } = useTranslation();
  return (
    <CorporationGridSection<StockResponse> {...p} id="stock" path="/corporation-stock"
      title={t('agreements.figures.stockHeading')} intro={t('agreements.figures.stockIntro')} caption={t('agreements.figures.stockCaption', { year: p.year })}
      saveLabel={t('agreements.figures.saveStock')} columns={[{ key: null, label: t('agreements.stock') }]}
      cellLabel={(name) => t('agreements.figures.stockFor', { name })} />
  );
}

/** M-10: released social rent dwellings per corporation and month. */
function ReleasedSection(p: GridProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const monthName = (m: number) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
  return (
    <CorporationGridSection<ReleasedResponse> {...p} id="released" path="/released-dwellings" columnField="month"
      title={t('agreements.figures.releasedHeading')} intro={t('agreements.figures.releasedIntro')} caption={t('agreements.figures.releasedCaption', { year: p.year })}
      saveLabel={t('agreements.figures.saveReleased')} columns={MONTHS.map((m) => ({ key: m, label: monthName(m) }))}
      cellLabel={(name, c) => t('agreements.figures.releasedFor', { name, month: c.label })}
      footer={(_, total) => <Paragraph>{t('agreements.figures.releasedTotal', { year: p.year, n: formatNumber(total, lang) })}</Paragraph>} />
  );
}

/** R-MO-39: released dwellings of the year by number of rooms, per corporation (optional; the monitor compares them with household sizes). */
function RoomsSection(p: GridProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const roomsLabel = (r: number) => (r === 5 ? t('agreements.figures.rooms5plus') : t('agreements.figures.roomsN', { count: r }));
  return (
    <CorporationGridSection<RoomsResponse> {...p} id="rooms" path="/released-dwelling-rooms" columnField="rooms"
      title={t('agreements.figures.roomsHeading')} intro={t('agreements.figures.roomsIntro')} caption={t('agreements.figures.roomsCaption', { year: p.year })}
      saveLabel={t('agreements.figures.saveRooms')} columns={ROOMS.map((r) => ({ key: r, label: roomsLabel(r) }))}
      cellLabel={(name, c) => t('agreements.figures.roomsFor', { name, rooms: c.label })}
      footer={(data, total) => (
        <>
          <Paragraph>{t('agreements.figures.roomsTotal', { year: p.year, n: formatNumber(total, lang), released: formatNumber(data.released, lang) })}</Paragraph>
          {total > 0 && total !== data.released && <Paragraph data-testid="rooms-differs">{t('agreements.figures.roomsDiffers')}</Paragraph>}
        </>
      )} />
  );
}

const NEED_GROUPS = ['ALL', 'MG-1', 'MG-2', 'MG-3'] as const;

function NeedSection({ municipality, year, editable }: { municipality: string; year: number; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useResource<NeedResponse>('/estimated-need', { municipality, year });
  const [values, setValues] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const s = useSave();
  useEffect(() => {
    if (res.data) setValues(Object.fromEntries(res.data.items.map((i) => [i.mainGroup, String(i.dwellings)])));
  }, [res.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = Object.entries(values).filter(([, v]) => v.trim() !== '' && parseCount(v) === null).map(([k]) => k);
    setInvalid(bad);
    if (bad.length) return;
    const items = Object.entries(values).filter(([, v]) => v.trim() !== '').map(([mainGroup, v]) => ({ mainGroup, dwellings: parseCount(v) }));
    s.save(async () => res.set((await api.put<NeedResponse>('/estimated-need', { items }, { query: { municipality, year } })).data));
  };
  return (
    <Section id="need" title={t('agreements.figures.needHeading')} intro={t('agreements.figures.needIntro')}>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} headingLevel={3} />}
      <SaveFeedback problem={s.problem} saved={s.saved} />
      {res.data && (
        <form noValidate onSubmit={submit} aria-labelledby="need-heading">
          <TableScroll label={t('agreements.figures.needCaption', { year })}>
            <Table className="tr-table">
              <Table.Caption>{t('agreements.figures.needCaption', { year })}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('agreements.mainGroup')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('agreements.figures.need')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {NEED_GROUPS.map((g) => (
                  <Table.Row key={g}>
                    <Table.HeaderCell scope="row">{g === 'ALL' ? t('agreements.figures.allGroups') : g}</Table.HeaderCell>
                    <Table.Cell>
                      {editable ? (
                        <NumberInput label={t('agreements.figures.needFor', { group: g === 'ALL' ? t('agreements.figures.allGroups') : g })} value={values[g] ?? ''} onChange={(x) => setValues((v) => ({ ...v, [g]: x }))} invalid={invalid.includes(g)} />
                      ) : (values[g] ?? '—')}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          {res.data.gap !== null && res.data.agreed !== null && (
            <Paragraph>{t('agreements.figures.gap', { agreed: formatNumber(res.data.agreed, lang), gap: formatNumber(res.data.gap, lang) })}</Paragraph>
          )}
          {invalid.length > 0 && <Paragraph className="tr-error-text">{t('agreements.countInvalid')}</Paragraph>}
          {editable && <Button type="submit" disabled={s.pending}>{t('agreements.figures.saveNeed')}</Button>}
        </form>
      )}
    </Section>
  );
}

const QUOTA = 'quota-new';

function QuotaSection({ municipality, year, editable }: { municipality: string; year: number; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useResource<QuotaResponse>('/statushouder-quotas', { municipality, year });
  const [v, setV] = useState({ half: '1', persons: '', decisionDate: '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const s = useSave();
  const labels = { half: t('agreements.figures.half'), persons: t('agreements.figures.persons'), decisionDate: t('agreements.decisionDate'), reason: t('agreements.reason') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    if (parseCount(v.persons) === null) local.persons = msg('agreements.countInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.decisionDate)) local.decisionDate = msg('agreements.dateInvalid');
    if (!v.reason.trim()) local.reason = msg('form.required');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    s.save(async () => {
      try {
        await api.post('/statushouder-quotas', { municipality, year, half: Number(v.half), persons: parseCount(v.persons), decisionDate: v.decisionDate, reason: v.reason.trim() });
      } catch (err) {
        const fields = fieldErrorsFromProblem(err);
        if (Object.keys(fields).length) {
          setErrors(fields);
          setAttempt((a) => a + 1);
        }
        throw err;
      }
      setV({ half: v.half, persons: '', decisionDate: '', reason: '' });
      await res.reload();
    });
  };
  const caption = t('agreements.figures.quotaCaption', { year });
  const current = res.data?.current.find((c) => c.year === year);
  const sort = useSort(res.data?.items, {
    half: (q: Quota) => q.half,
    version: (q: Quota) => q.versionNo,
    persons: (q: Quota) => q.persons,
    decisionDate: (q: Quota) => dateKey(q.decisionDate),
    reason: (q: Quota) => q.reason,
  });
  return (
    <Section id="quota" title={t('agreements.figures.quotaHeading')} intro={t('agreements.figures.quotaIntro')}>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} headingLevel={3} />}
      {current && <Paragraph>{t('agreements.figures.quotaCurrent', { year, half1: current.half1 ?? '—', half2: current.half2 ?? '—', total: formatNumber(current.total, lang) })}</Paragraph>}
      {res.data && res.data.items.length > 0 && (
        <TableScroll label={caption}>
          <Table className="tr-table">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <SortHeaderCell sort={sort} column="half">{t('agreements.figures.half')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="version">{t('agreements.figures.version')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="persons">{t('agreements.figures.persons')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="decisionDate">{t('agreements.decisionDate')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="reason">{t('agreements.reason')}</SortHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sort.rows.map((q) => (
                <Table.Row key={q.id}>
                  <Table.Cell>{t('agreements.figures.halfN', { n: q.half })}</Table.Cell>
                  <Table.Cell>{q.current ? t('agreements.figures.versionCurrent', { n: q.versionNo }) : t('agreements.figures.versionEarlier', { n: q.versionNo })}</Table.Cell>
                  <Table.Cell>{formatNumber(q.persons, lang)}</Table.Cell>
                  <Table.Cell className="tr-nowrap">{formatDate(q.decisionDate, lang)}</Table.Cell>
                  <Table.Cell>{q.reason}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {res.data && res.data.items.length === 0 && <Paragraph>{t('agreements.figures.noQuota')}</Paragraph>}
      <SaveFeedback problem={Object.keys(errors).length ? null : s.problem} saved={s.saved} />
      {editable && (
        <>
          <Heading level={3} id={`${QUOTA}-heading`}>{t('agreements.figures.quotaNew')}</Heading>
          <ErrorSummary form={QUOTA} errors={errors} labels={labels} attempt={attempt} />
          <form noValidate onSubmit={submit} className="tr-form" aria-labelledby={`${QUOTA}-heading`}>
            <SelectField form={QUOTA} name="half" label={labels.half} value={v.half} onChange={(x) => setV((s2) => ({ ...s2, half: x }))} options={[{ value: '1', label: t('agreements.figures.halfN', { n: 1 }) }, { value: '2', label: t('agreements.figures.halfN', { n: 2 }) }]} />
            <TextField form={QUOTA} name="persons" label={labels.persons} inputMode="numeric" value={v.persons} onChange={(x) => setV((s2) => ({ ...s2, persons: x }))} error={errors.persons} size={8} />
            <TextField form={QUOTA} name="decisionDate" label={labels.decisionDate} hint={t('agreements.dateHint')} value={v.decisionDate} onChange={(x) => setV((s2) => ({ ...s2, decisionDate: x }))} error={errors.decisionDate} size={12} />
            <TextField form={QUOTA} name="reason" label={labels.reason} value={v.reason} onChange={(x) => setV((s2) => ({ ...s2, reason: x }))} error={errors.reason} />
            <Button type="submit" disabled={s.pending}>{t('agreements.figures.saveQuota')}</Button>
          </form>
        </>
      )}
    </Section>
  );
}

function BacklogSection({ municipality, editable }: { municipality: string; editable: boolean }) {
  const { t } = useTranslation();
  const res = useResource<BacklogResponse>('/statushouder-backlog', { municipality });
  const [v, setV] = useState({ year: '', persons: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const s = useSave();
  useEffect(() => {
    if (res.data?.backlog) setV({ year: String(res.data.backlog.year), persons: String(res.data.backlog.persons) });
  }, [res.data]);
  const F = 'backlog';
  const labels = { year: t('agreements.year'), persons: t('agreements.figures.persons') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    const yy = parseCount(v.year);
    if (yy === null || yy < 2000 || yy > 2100) local.year = msg('agreements.yearInvalid');
    if (!/^-?\d{1,7}$/.test(v.persons.trim())) local.persons = msg('agreements.countInvalid');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    s.save(async () => {
      const r = await api.put<BacklogResponse>('/statushouder-backlog', { year: yy, persons: Number(v.persons.trim()) }, { query: { municipality }, ifMatch: res.data?.backlog?.version ?? null });
      res.set(r.data, r.etag);
    });
  };
  return (
    <Section id="backlog" title={t('agreements.figures.backlogHeading')} intro={t('agreements.figures.backlogIntro')}>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} headingLevel={3} />}
      <SaveFeedback problem={s.problem} saved={s.saved} />
      {res.data && !editable && <Paragraph>{res.data.backlog ? t('agreements.figures.backlogValue', { year: res.data.backlog.year, persons: res.data.backlog.persons }) : t('agreements.figures.noBacklog')}</Paragraph>}
      {res.data && editable && (
        <>
          <ErrorSummary form={F} errors={errors} labels={labels} attempt={attempt} />
          <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="backlog-heading">
            <TextField form={F} name="year" label={labels.year} inputMode="numeric" value={v.year} onChange={(x) => setV((s2) => ({ ...s2, year: x }))} error={errors.year} size={6} />
            <TextField form={F} name="persons" label={labels.persons} hint={t('agreements.figures.backlogHint')} value={v.persons} onChange={(x) => setV((s2) => ({ ...s2, persons: x }))} error={errors.persons} size={8} />
            <Button type="submit" disabled={s.pending}>{t('agreements.figures.saveBacklog')}</Button>
          </form>
        </>
      )}
    </Section>
  );
}

function UnitsSection({ municipality, year, editable }: { municipality: string; year: number; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const res = useResource<UnitsResponse>('/young-statushouder-units', { municipality, year });
  const [v, setV] = useState({ targetUnits: '', cumulativeUnits: '', deliveredUnits: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const s = useSave();
  const row = res.data?.items[0];
  useEffect(() => {
    if (row) setV({ targetUnits: String(row.targetUnits), cumulativeUnits: String(row.cumulativeUnits), deliveredUnits: String(row.deliveredUnits) });
  }, [row]);
  const F = 'units';
  const labels = { targetUnits: t('agreements.figures.targetUnits'), cumulativeUnits: t('agreements.figures.cumulativeUnits'), deliveredUnits: t('agreements.figures.deliveredUnits') };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: FieldErrors = {};
    for (const k of ['targetUnits', 'cumulativeUnits', 'deliveredUnits'] as const) if (parseCount(v[k]) === null) local[k] = msg('agreements.countInvalid');
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    s.save(async () => {
      const r = await api.put<UnitsResponse>('/young-statushouder-units', { targetUnits: parseCount(v.targetUnits), cumulativeUnits: parseCount(v.cumulativeUnits), deliveredUnits: parseCount(v.deliveredUnits) }, { query: { municipality, year }, ifMatch: row?.version ?? null });
      res.set(r.data, r.etag);
    });
  };
  return (
    <Section id="units" title={t('agreements.figures.unitsHeading')} intro={t('agreements.figures.unitsIntro')}>
      {res.error !== null && <ProblemAlert error={res.error} onRetry={() => void res.reload()} headingLevel={3} />}
      <SaveFeedback problem={s.problem} saved={s.saved} />
      {row && <Paragraph>{t('agreements.figures.withoutLocation', { n: formatNumber(row.withoutLocation, lang) })}</Paragraph>}
      {res.data && !row && !editable && <Paragraph>{t('agreements.figures.noUnits')}</Paragraph>}
      {res.data && editable && (
        <>
          <ErrorSummary form={F} errors={errors} labels={labels} attempt={attempt} />
          <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="units-heading">
            <TextField form={F} name="targetUnits" label={labels.targetUnits} inputMode="numeric" value={v.targetUnits} onChange={(x) => setV((s2) => ({ ...s2, targetUnits: x }))} error={errors.targetUnits} size={8} />
            <TextField form={F} name="cumulativeUnits" label={labels.cumulativeUnits} inputMode="numeric" value={v.cumulativeUnits} onChange={(x) => setV((s2) => ({ ...s2, cumulativeUnits: x }))} error={errors.cumulativeUnits} size={8} />
            <TextField form={F} name="deliveredUnits" label={labels.deliveredUnits} inputMode="numeric" value={v.deliveredUnits} onChange={(x) => setV((s2) => ({ ...s2, deliveredUnits: x }))} error={errors.deliveredUnits} size={8} />
            <Button type="submit" disabled={s.pending}>{t('agreements.figures.saveUnits')}</Button>
          </form>
        </>
      )}
    </Section>
  );
}
