/**
 * The parts every searchable list page shares (organisations, users, clients): filters kept in
 * the URL (Dutch parameter names, so a filtered list can be bookmarked and shared) with a draft
 * that is applied on submit, the announcement of the number found, the search form, and the
 * results table with its caption, empty row and pagination. Columns with a `sort` accessor can be
 * sorted from their header; the lists are paginated by the server, which has no sort parameter, so
 * sorting orders the rows of the page shown, and the page says so when there is more than one page.
 */
import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Row, Table } from '@amsterdam/design-system-react';
import type { ListResponse } from '../api/types.ts';
import type { Resource } from '../lib/useResource.ts';
import { useAnnounce } from './Announcer.tsx';
import { ListPagination, pageFrom } from './ListPagination.tsx';
import { Loading, ProblemAlert } from './status.tsx';
import { TableScroll } from './TableScroll.tsx';
import { SortHeaderCell, SortPageNote, useSort, type SortKey } from './SortableTable.tsx';

/** A filter: its URL parameter, and whether it is a text/choice or an on/off flag. */
export type FilterSpec = Record<string, { param: string; flag?: true }>;
export type FilterValues<S extends FilterSpec> = { [K in keyof S]: S[K] extends { flag: true } ? boolean : string };

function read<S extends FilterSpec>(params: URLSearchParams, spec: S): FilterValues<S> {
  const out: Record<string, string | boolean> = {};
  for (const [k, f] of Object.entries(spec)) out[k] = f.flag ? params.get(f.param) === '1' : params.get(f.param) ?? '';
  return out as FilterValues<S>;
}

/** The applied filters (from the URL), the draft being edited, and submit (draft → URL, page 1). */
export function useListFilters<S extends FilterSpec>(spec: S) {
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);
  const applied = read(params, spec);
  const [draft, setDraft] = useState(applied);
  const key = JSON.stringify(applied);
  useEffect(() => setDraft(JSON.parse(key) as FilterValues<S>), [key]);
  const set = <K extends keyof S>(k: K, v: FilterValues<S>[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, f] of Object.entries(spec)) {
      const v = (draft as Record<string, string | boolean>)[k];
      if (f.flag ? v === true : typeof v === 'string' && v.trim() !== '') next.set(f.param, f.flag ? '1' : String(v).trim());
    }
    setParams(next);
  };
  return { page, applied, draft, set, submit };
}

/** Announces "N found" once a search has loaded (screen readers hear the result of a filter). */
export function useAnnounceTotal(list: Resource<ListResponse<unknown>>, message: (count: number) => string) {
  const announce = useAnnounce();
  const total = list.data?.total;
  const text = total === undefined ? null : message(total);
  useEffect(() => {
    if (text !== null && !list.loading) announce(text);
  }, [text, list.loading, announce]);
}

/** The search form: a labelled search landmark whose fields wrap on one row, with the submit button. */
export function SearchForm({ label, onSubmit, children }: { label: string; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form role="search" aria-label={label} noValidate onSubmit={onSubmit} className="tr-filters">
      <Row wrap alignVertical="end" gap="large">
        {children}
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </Row>
    </form>
  );
}

export interface ListColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
  className?: string;
  testId?: string;
  /** The column's sort key; columns without one cannot be sorted. */
  sort?: (item: T) => SortKey;
}

/** The results: load state, the table (caption = what was found), an empty row, and pagination. */
export function ListResults<T>({ list, page, caption, columns, rowKey, empty, testId }: {
  list: Resource<ListResponse<T>>;
  page: number;
  caption: (total: number) => string;
  columns: ReadonlyArray<ListColumn<T>>;
  rowKey: (item: T) => string;
  empty: string;
  testId?: string;
}) {
  const accessors = useMemo(() => {
    const out: Record<string, (item: T) => SortKey> = {};
    columns.forEach((c, i) => {
      if (c.sort) out[String(i)] = c.sort;
    });
    return out;
  }, [columns]);
  const moreThanOnePage = !!list.data && list.data.total > list.data.items.length;
  const sort = useSort(list.data?.items, accessors, { pageOnly: moreThanOnePage });
  return (
    <>
      {list.error !== null && <ProblemAlert error={list.error} onRetry={() => void list.reload()} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <>
          <TableScroll label={caption(list.data.total)}>
            <Table className="tr-table" data-testid={testId}>
              <Table.Caption>{caption(list.data.total)}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  {columns.map((c, i) =>
                    c.sort ? (
                      <SortHeaderCell key={c.header} sort={sort} column={String(i)}>
                        {c.header}
                      </SortHeaderCell>
                    ) : (
                      <Table.HeaderCell key={c.header} scope="col">{c.header}</Table.HeaderCell>
                    ),
                  )}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {sort.rows.map((item) => (
                  <Table.Row key={rowKey(item)}>
                    {columns.map((c) => <Table.Cell key={c.header} className={c.className} data-testid={c.testId}>{c.cell(item)}</Table.Cell>)}
                  </Table.Row>
                ))}
                {list.data.items.length === 0 && (
                  <Table.Row>
                    <Table.Cell colSpan={columns.length}>{empty}</Table.Cell>
                  </Table.Row>
                )}
              </Table.Body>
            </Table>
          </TableScroll>
          <SortPageNote show={moreThanOnePage && sort.state !== null} />
          <ListPagination total={list.data.total} page={page} />
        </>
      )}
    </>
  );
}
