/**
 * Sortable tables, for every table in the web app.
 *
 *   const sort = useSort(rows, { name: (r) => r.name, started: (r) => dateKey(r.startedOn) }, { by: 'name' });
 *   <Table.Header><Table.Row>
 *     <SortHeaderCell sort={sort} column="name">{t('…')}</SortHeaderCell>
 *     <Table.HeaderCell scope="col">…not sortable…</Table.HeaderCell>
 *   </Table.Row></Table.Header>
 *   <Table.Body>{sort.rows.map(…)}</Table.Body>
 *
 * The header of a sortable column holds a real <button> (keyboard operable, in the tab order);
 * the <th> carries aria-sort on the column that is sorted. Activating the button sorts by that
 * column (ascending first, then toggling) and announces the new order in the polite live region.
 * On a server-paginated list only the rows of the page shown can be sorted: pass `pageOnly` so
 * the announcement says so, and show <SortPageNote> near the table.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '@amsterdam/design-system-react';
import { ChevronDownIcon, ChevronUpIcon } from '@amsterdam/design-system-react-icons';
import { useAnnounce } from './Announcer.tsx';
import { sortRows, type SortDirection, type SortKey } from './sort.ts';

export { dateKey, type SortDirection, type SortKey } from './sort.ts';

export type SortAccessors<T> = Record<string, (row: T) => SortKey>;

export interface SortState<C extends string = string> {
  by: C;
  direction: SortDirection;
}

export interface Sort<T, C extends string = string> {
  /** The rows in the chosen order (the input order when nothing is chosen). */
  rows: T[];
  state: SortState<C> | null;
  /** Sorts by `column` (ascending, or the other direction if it is sorted already); `label` is announced. */
  toggle: (column: C, label: string) => void;
  pageOnly: boolean;
}

export function useSort<T, A extends SortAccessors<T>>(
  rows: readonly T[] | null | undefined,
  accessors: A,
  options: { initial?: SortState<Extract<keyof A, string>>; pageOnly?: boolean } = {},
): Sort<T, Extract<keyof A, string>> {
  type C = Extract<keyof A, string>;
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [state, setState] = useState<SortState<C> | null>(options.initial ?? null);
  const pageOnly = options.pageOnly ?? false;
  // The accessors object is usually written inline; the column's accessor is looked up at sort time.
  const key = state ? accessors[state.by] : undefined;
  const sorted = useMemo(
    () => (rows ? (state && key ? sortRows(rows, key, state.direction) : [...rows]) : []),
    // `key` changes identity every render; the language is in because keys may be translated labels.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, state, i18n.language],
  );
  const toggle = useCallback(
    (column: C, label: string) => {
      const direction: SortDirection = state?.by === column && state.direction === 'ascending' ? 'descending' : 'ascending';
      setState({ by: column, direction });
      const dir = direction === 'ascending' ? t('sorting.ascending') : t('sorting.descending');
      announce(pageOnly ? t('sorting.announcePage', { column: label, direction: dir }) : t('sorting.announce', { column: label, direction: dir }));
    },
    [announce, pageOnly, state, t],
  );
  return { rows: sorted, state, toggle, pageOnly };
}

/** A column header (<th scope="col">) whose content is a sort button; aria-sort when it is the sorted column. */
export function SortHeaderCell<C extends string>({ sort, column, children, label, className, align }: {
  sort: Pick<Sort<unknown, C>, 'state' | 'toggle'>;
  column: C;
  /** The visible header text. */
  children: ReactNode;
  /** The column's name for the announcement, when `children` is not plain text. */
  label?: string;
  className?: string;
  align?: 'center' | 'end';
}) {
  const active = sort.state?.by === column ? sort.state.direction : null;
  const name = label ?? (typeof children === 'string' ? children : column);
  const Icon = active === 'descending' ? ChevronDownIcon : ChevronUpIcon;
  return (
    <Table.HeaderCell scope="col" aria-sort={active ?? undefined} className={className} align={align}>
      <button type="button" className="tr-sort-button" data-sort-column={column} onClick={() => sort.toggle(column, name)}>
        <span>{children}</span>
        <Icon aria-hidden="true" focusable="false" className={active ? 'tr-sort-icon tr-sort-icon--active' : 'tr-sort-icon'} width="1em" height="1em" />
      </button>
    </Table.HeaderCell>
  );
}

/** The honest note under a server-paginated table: sorting orders only the page shown. */
export function SortPageNote({ show = true }: { show?: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return <p className="ams-paragraph ams-paragraph--small tr-muted tr-sort-note">{t('sorting.pageOnly')}</p>;
}
