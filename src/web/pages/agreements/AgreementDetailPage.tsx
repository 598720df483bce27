/**
 * One agreement: per year its plan versions (current and earlier, read-only, R-MO-09), a form for
 * a revision with the live "does not add up" warning (§12: warn, never refuse), and the
 * distribution over corporations (M-08, M-09, R-MO-14).
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Breadcrumb, Button, Column, DescriptionList, Heading, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import { api } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RouterLink } from '../../components/RouterLink.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, useSort } from '../../components/SortableTable.tsx';
import { ErrorSummary, SelectField, TextAreaField, TextField, fieldErrorsFromProblem, msg, useSubmitting, type FieldErrors, type Option } from '../../components/forms.tsx';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { useAnnounce } from '../../components/Announcer.tsx';
import { useResource } from '../../lib/useResource.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useSession } from '../../session/SessionContext.tsx';
import { can } from '../../session/policy.ts';
import { MAIN_GROUP_LABELS } from '../../../domain/monitor/model.ts';
import { planTotals } from '../../../domain/monitor/distribution.ts';
import {
  AgreementsLinks, MAIN_GROUPS, YearPicker, currentYear, parseCount, percent, useProgrammeOrganisations,
  type AgreementDetail, type Distribution, type PlanLine, type PlanVersion, type TargetGroup,
} from './common.tsx';

export function AgreementDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { session } = useSession();
  const [year, setYear] = useState<number | null>(null);
  const detail = useResource<AgreementDetail>(`/agreements/${id}`, year ? { year } : undefined);
  const groups = useResource<{ items: TargetGroup[] }>('/target-groups');
  const a = detail.data;
  useEffect(() => {
    if (a && year === null) setYear(Math.min(Math.max(currentYear(), a.firstYear), a.lastYear));
  }, [a, year]);
  const years = a ? Array.from({ length: a.lastYear - a.firstYear + 1 }, (_, i) => a.firstYear + i) : [];
  const mayManage = !!a && can(session, 'agreement.manage', { organisationIds: [a.municipality.id] });

  return (
    <Column gap="large">
      <Breadcrumb accessibleName={t('common.breadcrumb')}>
        <Breadcrumb.Link href="/monitor/afspraken" linkComponent={RouterLink}>
          {t('agreements.title')}
        </Breadcrumb.Link>
      </Breadcrumb>
      <PageHeading title={a?.name ?? t('agreements.detailTitle')}>{a ? `${a.name} – ${a.municipality.name}` : t('agreements.detailTitle')}</PageHeading>
      <AgreementsLinks current="agreements" />
      {detail.error !== null && <ProblemAlert error={detail.error} onRetry={() => void detail.reload()} />}
      {!a && detail.loading && <Loading />}
      {a && (
        <>
          <DescriptionList>
            <DescriptionList.Term>{t('agreements.kind')}</DescriptionList.Term>
            <DescriptionList.Description>{t(`agreements.kinds.${a.kind}`)}</DescriptionList.Description>
            <DescriptionList.Term>{t('agreements.years')}</DescriptionList.Term>
            <DescriptionList.Description>{`${a.firstYear}–${a.lastYear}`}</DescriptionList.Description>
            <DescriptionList.Term>{t('agreements.volume')}</DescriptionList.Term>
            <DescriptionList.Description>
              {a.kind === 'absolute' ? t('agreements.perYear', { n: formatNumber(a.yearlyNumber ?? 0, lang) }) : t('agreements.ofReleased', { pct: percent((a.share ?? 0) * 100, lang, 0) })}
            </DescriptionList.Description>
            <DescriptionList.Term>{t('agreements.tolerance')}</DescriptionList.Term>
            <DescriptionList.Description>{percent(a.tolerance * 100, lang, 0)}</DescriptionList.Description>
            <DescriptionList.Term>{t('agreements.distribute')}</DescriptionList.Term>
            <DescriptionList.Description>{a.distributeOverCorporations ? t('common.yes') : t('common.no')}</DescriptionList.Description>
          </DescriptionList>
          {year !== null && <YearPicker id="agreement-year" value={year} onChange={setYear} years={years} controls="agreement-year-content" />}
          {year !== null && a.year && (
            <div id="agreement-year-content">
              <Paragraph>
                {a.year.agreed.rounded === null
                  ? t('agreements.agreedUnknown', { year })
                  : t('agreements.agreedForYear', { year, n: formatNumber(a.year.agreed.rounded, lang) })}
              </Paragraph>
              <PlanVersions versions={a.planVersions.filter((v) => v.year === year)} groups={groups.data?.items ?? []} />
              {mayManage && groups.data && (
                <Revision agreementId={a.id} year={year} agreed={a.year.agreed.rounded} groups={groups.data.items} onSaved={() => void detail.reload()} />
              )}
              {a.distributeOverCorporations && a.year.distribution && (
                <CorporationDistribution agreementId={a.id} distribution={a.year.distribution} mayManage={mayManage} onSaved={() => void detail.reload()} />
              )}
            </div>
          )}
        </>
      )}
    </Column>
  );
}

function lineLabel(l: Pick<PlanLine, 'level' | 'mainGroup' | 'targetGroup' | 'groupSet'>, groups: TargetGroup[], lang: 'nl' | 'en'): string {
  if (l.level === 'main_group') return `${l.mainGroup} ${MAIN_GROUP_LABELS[l.mainGroup as 'MG-1']?.[lang] ?? ''}`;
  const name = (code: string) => groups.find((g) => g.code === code)?.label[lang] ?? code;
  if (l.level === 'target_group') return name(l.targetGroup ?? '');
  return `${l.groupSet?.name ?? ''} (${(l.groupSet?.codes ?? []).map(name).join(', ')})`;
}

function PlanVersions({ versions, groups }: { versions: PlanVersion[]; groups: TargetGroup[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ordered = [...versions].reverse();
  return (
    <section aria-labelledby="plan-versions-heading" className="tr-section">
      <Heading level={2} id="plan-versions-heading" className="tr-section-heading">
        {t('agreements.planHeading')}
      </Heading>
      <Paragraph>{t('agreements.planIntro')}</Paragraph>
      {ordered.length === 0 && <Paragraph>{t('agreements.noPlan')}</Paragraph>}
      {ordered.map((v) => {
        const caption = t('agreements.versionCaption', { n: v.versionNo, role: t(`agreements.roles.${v.role}`), date: formatDate(v.effectiveFrom, lang) });
        return (
          <div key={v.id} className="tr-section">
            <Heading level={3}>{caption}</Heading>
            <Paragraph size="small">{t('agreements.versionMeta', { decision: formatDate(v.decisionDate, lang), reason: v.reason })}</Paragraph>
            {v.warnings.map((w) => (
              <Alert key={w.code} severity="warning" headingLevel={4} heading={t('agreements.totalDiffersHeading')} className="tr-alert">
                <Paragraph>{w.text[lang]}</Paragraph>
              </Alert>
            ))}
            <PlanVersionTable version={v} groups={groups} caption={caption} />
          </div>
        );
      })}
    </section>
  );
}

/** One plan version's lines, sortable; the total stays last. */
function PlanVersionTable({ version: v, groups, caption }: { version: PlanVersion; groups: TargetGroup[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sort = useSort(v.lines, {
    line: (l: PlanLine) => lineLabel(l, groups, lang),
    level: (l: PlanLine) => t(`agreements.levels.${l.level}`),
    dwellings: (l: PlanLine) => l.dwellings,
  });
  return (
    <TableScroll label={caption}>
      <Table className="tr-table">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <SortHeaderCell sort={sort} column="line">{t('agreements.line')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="level">{t('agreements.level')}</SortHeaderCell>
            <SortHeaderCell sort={sort} column="dwellings">{t('agreements.dwellings')}</SortHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sort.rows.map((l) => (
            <Table.Row key={l.id}>
              <Table.Cell>{lineLabel(l, groups, lang)}</Table.Cell>
              <Table.Cell>{t(`agreements.levels.${l.level}`)}</Table.Cell>
              <Table.Cell>{formatNumber(l.dwellings, lang)}</Table.Cell>
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row" colSpan={2}>{t('agreements.planned')}</Table.HeaderCell>
            <Table.Cell>{formatNumber(v.planned, lang)}</Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

interface EditLine { level: PlanLine['level']; mainGroup: string; targetGroup: string; setName: string; setCodes: string[]; dwellings: string }
const emptyLine = (): EditLine => ({ level: 'main_group', mainGroup: 'MG-1', targetGroup: '', setName: '', setCodes: [], dwellings: '' });
const FORM = 'revision';

function Revision({ agreementId, year, agreed, groups, onSaved }: { agreementId: string; year: number; agreed: number | null; groups: TargetGroup[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const [lines, setLines] = useState<EditLine[]>([emptyLine()]);
  const [meta, setMeta] = useState({ decisionDate: `${year}-01-01`, effectiveFrom: `${year}-01-01`, reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<unknown>(null);
  const [saved, setSaved] = useState<PlanVersion | null>(null);
  const { pending, run } = useSubmitting();
  useEffect(() => setMeta({ decisionDate: `${year}-01-01`, effectiveFrom: `${year}-01-01`, reason: '' }), [year]);
  const validGroups = groups.filter((g) => g.validFrom <= `${year}-12-31` && (g.validTo === null || g.validTo >= `${year}-01-01`));
  const groupOptions: Option[] = validGroups.map((g) => ({ value: g.code, label: g.label[lang], group: `${g.mainGroup} ${MAIN_GROUP_LABELS[g.mainGroup][lang]}` }));
  const mainOf = (code: string) => groups.find((g) => g.code === code)?.mainGroup ?? null;

  // The live warning: the same rule the API applies (planTotals).
  const live = useMemo(() => planTotals(lines.map((l) => ({
    level: l.level,
    mainGroup: l.level === 'main_group' ? l.mainGroup : l.level === 'target_group' ? mainOf(l.targetGroup) : (new Set(l.setCodes.map(mainOf)).size === 1 ? mainOf(l.setCodes[0] ?? '') : null),
    dwellings: parseCount(l.dwellings) ?? 0,
  })), agreed), [lines, agreed]); // eslint-disable-line react-hooks/exhaustive-deps

  const setLine = (i: number, patch: Partial<EditLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const labels: Record<string, string> = { decisionDate: t('agreements.decisionDate'), effectiveFrom: t('agreements.effectiveFrom'), reason: t('agreements.reason') };
  lines.forEach((_, i) => {
    labels[`line${i}`] = t('agreements.lineN', { n: i + 1 });
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setSaved(null);
    const local: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.decisionDate)) local.decisionDate = msg('agreements.dateInvalid');
    if (!meta.effectiveFrom.startsWith(`${year}-`)) local.effectiveFrom = msg('agreements.effectiveInYear', { year });
    if (!meta.reason.trim()) local.reason = msg('form.required');
    lines.forEach((l, i) => {
      if (parseCount(l.dwellings) === null) local[`line${i}`] = msg('agreements.countInvalid');
      else if (l.level === 'target_group' && !l.targetGroup) local[`line${i}`] = msg('agreements.chooseTargetGroup');
      else if (l.level === 'group_set' && (new Set(l.setCodes).size < 2 || !l.setName.trim())) local[`line${i}`] = msg('agreements.setInvalid');
    });
    setErrors(local);
    setAttempt((a) => a + 1);
    if (Object.keys(local).length) return;
    void run(async () => {
      try {
        const body = {
          year, decisionDate: meta.decisionDate, effectiveFrom: meta.effectiveFrom, reason: meta.reason.trim(),
          lines: lines.map((l) => ({
            level: l.level,
            ...(l.level === 'main_group' ? { mainGroup: l.mainGroup } : {}),
            ...(l.level === 'target_group' ? { targetGroup: l.targetGroup } : {}),
            ...(l.level === 'group_set' ? { groupSet: { name: l.setName.trim(), codes: [...new Set(l.setCodes)] } } : {}),
            dwellings: parseCount(l.dwellings),
          })),
        };
        const r = await api.post<PlanVersion>(`/agreements/${agreementId}/plan-versions`, body);
        setSaved(r.data);
        setLines([emptyLine()]);
        announce(t('agreements.versionSaved', { n: r.data.versionNo }));
        onSaved();
      } catch (err) {
        const fields = fieldErrorsFromProblem(err, (p) => {
          const m = /^\/lines\/(\d+)/.exec(p);
          if (m) return `line${m[1]}`;
          return p.split('/').filter(Boolean)[0] ?? null;
        });
        if (Object.keys(fields).length) setErrors(fields);
        else setProblem(err);
        setAttempt((a) => a + 1);
      }
    });
  };

  return (
    <section aria-labelledby="revision-heading" className="tr-section">
      <Heading level={2} id="revision-heading" className="tr-section-heading">
        {t('agreements.revisionHeading', { year })}
      </Heading>
      <Paragraph>{t('agreements.revisionIntro')}</Paragraph>
      {saved && (
        <Alert severity="success" headingLevel={3} heading={t('agreements.versionSaved', { n: saved.versionNo })} className="tr-alert">
          {saved.warnings.map((w) => <Paragraph key={w.code}>{w.text[lang]}</Paragraph>)}
        </Alert>
      )}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <ErrorSummary form={FORM} errors={errors} labels={labels} attempt={attempt} />
      <form noValidate onSubmit={submit} className="tr-form" aria-labelledby="revision-heading">
        <TextField form={FORM} name="decisionDate" label={labels.decisionDate!} hint={t('agreements.dateHint')} value={meta.decisionDate} onChange={(x) => setMeta((m) => ({ ...m, decisionDate: x }))} error={errors.decisionDate} size={12} />
        <TextField form={FORM} name="effectiveFrom" label={labels.effectiveFrom!} hint={t('agreements.dateHint')} value={meta.effectiveFrom} onChange={(x) => setMeta((m) => ({ ...m, effectiveFrom: x }))} error={errors.effectiveFrom} size={12} />
        <TextAreaField form={FORM} name="reason" label={labels.reason!} value={meta.reason} onChange={(x) => setMeta((m) => ({ ...m, reason: x }))} error={errors.reason} />
        {lines.map((l, i) => (
          <fieldset key={i} className="tr-subform" aria-describedby={errors[`line${i}`] ? `${FORM}-line${i}-error` : undefined}>
            <legend>{t('agreements.lineN', { n: i + 1 })}</legend>
            {errors[`line${i}`] && (
              <Paragraph id={`${FORM}-line${i}-error`} className="tr-error-text">
                {errors[`line${i}`]![lang]}
              </Paragraph>
            )}
            <Row wrap gap="large" alignVertical="end">
              <SelectField form={FORM} name={`line${i}-level`} label={t('agreements.level')} value={l.level} onChange={(x) => setLine(i, { level: x as EditLine['level'] })}
                options={(['main_group', 'target_group', 'group_set'] as const).map((x) => ({ value: x, label: t(`agreements.levels.${x}`) }))} />
              {l.level === 'main_group' && (
                <SelectField form={FORM} name={`line${i}-mainGroup`} label={t('agreements.mainGroup')} value={l.mainGroup} onChange={(x) => setLine(i, { mainGroup: x })}
                  options={MAIN_GROUPS.map((g) => ({ value: g, label: `${g} ${MAIN_GROUP_LABELS[g][lang]}` }))} />
              )}
              {l.level === 'target_group' && (
                <SelectField form={FORM} name={`line${i}-targetGroup`} label={t('agreements.targetGroup')} value={l.targetGroup} onChange={(x) => setLine(i, { targetGroup: x })} options={groupOptions} placeholder={t('agreements.choose')} />
              )}
              <TextField form={FORM} name={`line${i}`} label={t('agreements.dwellings')} inputMode="numeric" value={l.dwellings} onChange={(x) => setLine(i, { dwellings: x })} size={8} />
            </Row>
            {l.level === 'group_set' && (
              <>
                <TextField form={FORM} name={`line${i}-setName`} label={t('agreements.setName')} value={l.setName} onChange={(x) => setLine(i, { setName: x })} />
                <fieldset className="tr-subform">
                  <legend>{t('agreements.setCodes')}</legend>
                  {validGroups.map((g) => (
                    <label key={g.code} className="tr-checkbox-line">
                      <input type="checkbox" checked={l.setCodes.includes(g.code)}
                        onChange={(e) => setLine(i, { setCodes: e.target.checked ? [...l.setCodes, g.code] : l.setCodes.filter((c) => c !== g.code) })} />{' '}
                      {g.label[lang]}
                    </label>
                  ))}
                </fieldset>
              </>
            )}
            {lines.length > 1 && (
              <Button variant="tertiary" type="button" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                {t('agreements.removeLine', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button variant="secondary" type="button" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
          {t('agreements.addLine')}
        </Button>
        <div aria-live="polite">
          {live.differs && live.difference !== null && agreed !== null ? (
            <Alert severity="warning" headingLevel={3} heading={t('agreements.totalDiffersHeading')} className="tr-alert">
              <Paragraph>{t('agreements.totalDiffers', { planned: formatNumber(live.planned, lang), agreed: formatNumber(agreed, lang), difference: live.difference > 0 ? `+${live.difference}` : String(live.difference) })}</Paragraph>
            </Alert>
          ) : (
            <Paragraph>{t('agreements.totalIs', { planned: formatNumber(live.planned, lang) })}</Paragraph>
          )}
        </div>
        <Button type="submit" disabled={pending}>
          {t('agreements.saveVersion')}
        </Button>
      </form>
    </section>
  );
}

function CorporationDistribution({ agreementId, distribution, mayManage, onSaved }: { agreementId: string; distribution: Distribution; mayManage: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const announce = useAnnounce();
  const { corporations } = useProgrammeOrganisations();
  const [recorded, setRecorded] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const { pending, run } = useSubmitting();
  useEffect(() => {
    setRecorded(Object.fromEntries(distribution.rows.filter((r) => r.recorded !== null).map((r) => [r.corporation.id, String(r.recorded)])));
  }, [distribution]);
  const caption = t('agreements.distributionCaption', { year: distribution.year });
  const rows = [...distribution.rows];
  for (const c of corporations ?? []) if (!rows.some((r) => r.corporation.id === c.id)) rows.push({ corporation: { id: c.id, code: c.code, name: c.name, municipalityCode: null }, stock: null, stockShare: null, computed: null, recorded: null, target: null });
  type Row = (typeof rows)[number];
  // The recorded column sorts by the saved numbers, so rows do not jump while one is being typed.
  const sort = useSort(rows, {
    corporation: (r: Row) => r.corporation.name,
    stock: (r: Row) => r.stock,
    stockShare: (r: Row) => r.stockShare,
    computed: (r: Row) => r.computed,
    recorded: (r: Row) => r.recorded,
    target: (r: Row) => r.target,
  });

  const save = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    const bad = Object.entries(recorded).filter(([, v]) => v.trim() !== '' && parseCount(v) === null).map(([k]) => k);
    setInvalid(bad);
    if (bad.length) return;
    void run(async () => {
      try {
        const items = Object.entries(recorded).filter(([, v]) => v.trim() !== '').map(([corporationId, v]) => ({ corporationId, dwellings: parseCount(v) }));
        await api.put(`/agreements/${agreementId}/corporation-targets/${distribution.year}`, { items });
        announce(t('agreements.recordedSaved'));
        onSaved();
      } catch (err) {
        setProblem(err);
      }
    });
  };

  return (
    <section aria-labelledby="distribution-heading" className="tr-section">
      <Heading level={2} id="distribution-heading" className="tr-section-heading">
        {t('agreements.distributionHeading')}
      </Heading>
      <Paragraph>{t('agreements.distributionIntro')}</Paragraph>
      {!distribution.distributable && <Paragraph>{t('agreements.notDistributable')}</Paragraph>}
      {problem !== null && <ProblemAlert error={problem} headingLevel={3} />}
      <form noValidate onSubmit={save} aria-labelledby="distribution-heading">
        <TableScroll label={caption}>
          <Table className="tr-table">
            <Table.Caption>{caption}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <SortHeaderCell sort={sort} column="corporation">{t('agreements.corporation')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="stock">{t('agreements.stock')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="stockShare">{t('agreements.stockShare')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="computed">{t('agreements.computed')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="recorded">{t('agreements.recorded')}</SortHeaderCell>
                <SortHeaderCell sort={sort} column="target">{t('agreements.target')}</SortHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {sort.rows.map((r) => (
                <Table.Row key={r.corporation.id}>
                  <Table.HeaderCell scope="row">{r.corporation.name}</Table.HeaderCell>
                  <Table.Cell>{r.stock === null ? '—' : formatNumber(r.stock, lang)}</Table.Cell>
                  <Table.Cell>{percent(r.stockShare, lang, 2)}</Table.Cell>
                  <Table.Cell>{r.computed === null ? '—' : formatNumber(r.computed, lang)}</Table.Cell>
                  <Table.Cell>
                    {mayManage ? (
                      <input
                        className="ams-text-input tr-number-input"
                        inputMode="numeric"
                        aria-label={t('agreements.recordedFor', { name: r.corporation.name })}
                        aria-invalid={invalid.includes(r.corporation.id) || undefined}
                        value={recorded[r.corporation.id] ?? ''}
                        onChange={(e) => setRecorded((s) => ({ ...s, [r.corporation.id]: e.target.value }))}
                        size={7}
                      />
                    ) : r.recorded === null ? '—' : formatNumber(r.recorded, lang)}
                  </Table.Cell>
                  <Table.Cell>{r.target === null ? '—' : formatNumber(r.target, lang)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('agreements.total')}</Table.HeaderCell>
                <Table.Cell>{formatNumber(distribution.totalStock, lang)}</Table.Cell>
                <Table.Cell>{distribution.distributable ? percent(100, lang, 2) : '—'}</Table.Cell>
                <Table.Cell>{formatNumber(distribution.computedTotal, lang)}</Table.Cell>
                <Table.Cell />
                <Table.Cell>{formatNumber(distribution.targetTotal, lang)}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        </TableScroll>
        {invalid.length > 0 && <Paragraph className="tr-error-text">{t('agreements.countInvalid')}</Paragraph>}
        {mayManage && (
          <Button type="submit" disabled={pending}>
            {t('agreements.saveRecorded')}
          </Button>
        )}
      </form>
      <Paragraph size="small">{t('agreements.stockLink')}</Paragraph>
    </section>
  );
}
