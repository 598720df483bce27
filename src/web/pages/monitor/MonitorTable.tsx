import { useTranslation } from 'react-i18next';
import { Alert, Link, Paragraph, Row, Table } from '@amsterdam/design-system-react';
import type { MonitorResponse } from '../../../domain/monitor/model.ts';
import { cellValue, type TableModel } from '../../../domain/monitor/tables.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { SortHeaderCell, useSort, type SortAccessors } from '../../components/SortableTable.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLang } from '../../i18n/useLang.ts';

type Row = TableModel['rows'][number];

/**
 * Renders a dashboard table model (domain/monitor/tables.ts): caption, column and row headers.
 * A flat list (every row an item, not months) can be sorted on any column; tables with totals,
 * main groups and target groups keep their hierarchy and are not sortable.
 */
export function MonitorTable({ model, id }: { model: TableModel; id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const caption = model.caption[lang];
  const sortable = model.name === 'corporations' && model.rows.every((r) => r.level === 'item');
  const accessors: SortAccessors<Row> = { label: (r) => r.label[lang] };
  model.columns.forEach((c, i) => { accessors[c.key] = (r) => cellValue(r.cells[i] ?? null, c.kind, lang); });
  const sort = useSort<Row, SortAccessors<Row>>(model.rows, accessors);
  const rows = sortable ? sort.rows : model.rows;
  return (
    <TableScroll label={caption}>
      <Table className="tr-table tr-monitor-table" id={id} data-testid={`monitor-table-${model.name}`}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            {sortable
              ? <SortHeaderCell sort={sort} column="label">{model.rowHeader[lang]}</SortHeaderCell>
              : <Table.HeaderCell scope="col">{model.rowHeader[lang]}</Table.HeaderCell>}
            {model.columns.map((c) => (sortable
              ? <SortHeaderCell sort={sort} column={c.key} key={c.key} className="tr-num" align="end">{c.label[lang]}</SortHeaderCell>
              : (
                <Table.HeaderCell scope="col" key={c.key} className="tr-num">
                  {c.label[lang]}
                </Table.HeaderCell>
              )))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key} className={`tr-monitor-row-${r.level}${r.own ? ' tr-monitor-row-own' : ''}`} data-key={r.key}>
              <Table.HeaderCell scope="row" className={r.level === 'target' || r.level === 'set' ? 'tr-monitor-indent' : undefined}>
                {r.label[lang]}
                {r.own && <span className="tr-monitor-own"> ({t('monitor.ownCorporation')})</span>}
                {r.note && (
                  <span className="tr-monitor-note-ref">
                    {' '}
                    <a href={`#note-${id}-${r.note}`} aria-label={t('monitor.seeNote', { id: r.note })}>*</a>
                  </span>
                )}
              </Table.HeaderCell>
              {r.cells.map((c, i) => {
                const col = model.columns[i]!;
                return (
                  <Table.Cell key={col.key} className={col.kind === 'count' || col.kind === 'percent' ? 'tr-num' : undefined}>
                    {display(c, cellValue(c, col.kind, lang), col.kind, lang, t('monitor.none'))}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
          {model.rows.length === 0 && (
            <Table.Row>
              <Table.Cell colSpan={model.columns.length + 1}>{t('monitor.noRows')}</Table.Cell>
            </Table.Row>
          )}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function display(raw: unknown, v: string | number | null, kind: string, lang: 'nl' | 'en', none: string) {
  if (v === null) return <span aria-label={none}>—</span>;
  if (typeof v === 'number') return kind === 'percent' ? `${formatNumber(v, lang)}%` : formatNumber(v, lang);
  if (kind === 'status') return <strong className={`tr-monitor-status tr-monitor-status-${raw === 'BEHIND' ? 'behind' : 'on'}`}>{v}</strong>;
  return v;
}

/** CSV and XLSX download links of one table, pointing at GET /api/v1/monitor/tables/:table. */
export function Downloads({ model, query }: { model: TableModel; query: URLSearchParams }) {
  const { t } = useTranslation();
  const lang = useLang();
  const href = (format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams(query);
    q.set('format', format);
    q.set('lang', lang);
    return `/api/v1/monitor/tables/${model.name}?${q.toString()}`;
  };
  const name = model.caption[lang].replace(/\s*\(.*\)$/, '');
  return (
    <Row gap="large" wrap className="tr-monitor-downloads">
      <Link href={href('csv')} download data-testid={`download-${model.name}-csv`}>
        {t('monitor.downloadCsv', { name })}
      </Link>
      <Link href={href('xlsx')} download data-testid={`download-${model.name}-xlsx`}>
        {t('monitor.downloadXlsx', { name })}
      </Link>
    </Row>
  );
}

/** The notes a table requires (R-MO-25, R-MO-26, R-MO-29, R-MO-36), next to its figures. */
export function TableNotes({ model, monitor, id }: { model: TableModel; monitor: MonitorResponse; id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notes = model.notes.map((n) => monitor.notes.find((x) => x.id === n)).filter((n) => n !== undefined);
  if (!notes.length) return null;
  return (
    <Alert heading={t('monitor.notesHeading')} headingLevel={3} className="tr-monitor-notes">
      {notes.map((n) => (
        <Paragraph key={n.id} id={`note-${id}-${n.id}`} data-rule={n.id}>
          {n.id === 'R-MO-25' && model.rows.some((r) => r.note === 'R-MO-25') ? '* ' : ''}
          {n.text[lang]}
        </Paragraph>
      ))}
    </Alert>
  );
}
