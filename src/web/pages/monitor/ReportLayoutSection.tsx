/**
 * §12: the dashboard's figures in the rows of a printed report (the yearly report's tables), as a
 * collapsed section. The layouts are versioned reference data (GET /report-layouts); the figures
 * come from GET /monitor?layout=<code>@<version> for the dashboard's scope: counts are summed over
 * the target groups of each printed row, percentages computed from those sums (R-MO-40). Loaded
 * only when opened.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Accordion, Field, Label, Paragraph, Select, Table } from '@amsterdam/design-system-react';
import type { MonitorResponse, MonitorRow } from '../../../domain/monitor/model.ts';
import type { Query } from '../../api/client.ts';
import { Loading, ProblemAlert } from '../../components/status.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useResource } from '../../lib/useResource.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatNumber } from '../../lib/format.ts';
import { dateInWords } from '../../../domain/monitor/period.ts';

interface Layout { code: string; version: number; current: boolean; kind: 'delivery' | 'wait_time'; name: { nl: string; en: string } }

const ID = 'monitor-report-layout';

export function ReportLayoutSection({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const lang = useLang();
  const selectId = useId();
  const [opened, setOpened] = useState(false);
  const layouts = useResource<{ items: Layout[] }>(opened ? '/report-layouts' : null);
  const current = (layouts.data?.items ?? []).filter((l) => l.current);
  const [chosen, setChosen] = useState<string | null>(null);
  const layout = current.find((l) => `${l.code}@${l.version}` === chosen) ?? current[0] ?? null;
  const spec = layout ? `${layout.code}@${layout.version}` : null;
  const figures = useResource<MonitorResponse>(spec ? '/monitor' : null, { ...(Object.fromEntries(query) as Query), layout: spec ?? '' });
  const m = figures.data;
  const value = (row: string, metric: MonitorRow['metric'], previous = false) => {
    const r = m?.rows.find((x) => x.reportRow === row && x.metric === metric && (previous ? x.year === m.year - 1 : x.year === undefined));
    if (!r || r.value === null || typeof r.value !== 'number') return '—';
    return r.unit === 'percent' ? `${formatNumber(r.value, lang)}%` : formatNumber(r.value, lang);
  };
  const columns: Array<{ key: string; label: string; cell: (row: string) => string }> = layout?.kind === 'wait_time'
    ? [
        { key: 'base', label: t('monitor.reportLayout.waitBase'), cell: (r) => value(r, 'M-13') },
        { key: 'lt3', label: t('monitor.reportLayout.lt3'), cell: (r) => value(r, 'M-14') },
        { key: '3to6', label: t('monitor.reportLayout.3to6'), cell: (r) => value(r, 'M-15') },
        { key: 'gt6', label: t('monitor.reportLayout.gt6'), cell: (r) => value(r, 'M-16') },
        { key: 'prev', label: t('monitor.reportLayout.previousLt3', { year: (m?.year ?? 0) - 1 }), cell: (r) => value(r, 'M-14', true) },
      ]
    : [{ key: 'delivered', label: t('monitor.reportLayout.delivered'), cell: (r) => value(r, 'M-03') }];
  const caption = layout && m ? `${layout.name[lang]} — ${m.year}, ${t('monitor.reportLayout.asOf', { date: dateInWords(m.asOf, lang) })}` : '';
  return (
    <Accordion headingLevel={2} sectionAs="section" className="tr-section" data-testid={ID}>
      <Accordion.Section label={t('monitor.reportLayout.heading')} onToggle={(expanded) => { if (expanded) setOpened(true); }}>
        <Paragraph>{t('monitor.reportLayout.intro')}</Paragraph>
        {layouts.error !== null && <ProblemAlert error={layouts.error} onRetry={() => void layouts.reload()} headingLevel={3} focus={false} />}
        {layouts.loading && !layouts.data && <Loading />}
        {current.length > 0 && (
          <Field>
            <Label htmlFor={selectId}>{t('monitor.reportLayout.choose')}</Label>
            <Select id={selectId} value={spec ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {current.map((l) => <Select.Option key={l.code} value={`${l.code}@${l.version}`}>{`${l.name[lang]} (${t('monitor.reportLayout.version', { version: l.version })})`}</Select.Option>)}
            </Select>
          </Field>
        )}
        {figures.error !== null && <ProblemAlert error={figures.error} onRetry={() => void figures.reload()} headingLevel={3} focus={false} />}
        {figures.loading && !m && <Loading />}
        {m?.layout && layout && (
          <div aria-busy={figures.loading || undefined}>
            <TableScroll label={caption}>
              <Table data-testid={`${ID}-table`}>
                <Table.Caption>{caption}</Table.Caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('monitor.reportLayout.row')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('monitor.reportLayout.mainGroup')}</Table.HeaderCell>
                    {columns.map((c) => <Table.HeaderCell key={c.key} scope="col" className="tr-num">{c.label}</Table.HeaderCell>)}
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {m.layout.rows.map((r) => (
                    <Table.Row key={r.key}>
                      <Table.HeaderCell scope="row">{r.label[lang]}</Table.HeaderCell>
                      <Table.Cell>{m.labels.mainGroups[r.mainGroup]?.[lang] ?? r.mainGroup}</Table.Cell>
                      {columns.map((c) => <Table.Cell key={c.key} className="tr-num">{c.cell(r.key)}</Table.Cell>)}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </div>
        )}
      </Accordion.Section>
    </Accordion>
  );
}
