import { Pagination } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { RouterLink } from './RouterLink.tsx';

export const PAGE_SIZE = 25;

/** ADS Pagination whose links keep the current filters and set ?pagina=N. */
export function ListPagination({ total, page, pageSize = PAGE_SIZE }: { total: number; page: number; pageSize?: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const linkTemplate = (n: number) => {
    const p = new URLSearchParams(location.search);
    if (n <= 1) p.delete('pagina');
    else p.set('pagina', String(n));
    const qs = p.toString();
    return `${location.pathname}${qs ? `?${qs}` : ''}`;
  };
  return (
    <Pagination
      page={Math.min(page, totalPages)}
      totalPages={totalPages}
      linkTemplate={linkTemplate}
      linkComponent={RouterLink}
      accessibleName={t('pagination.name')}
      nextLabel={t('pagination.next')}
      previousLabel={t('pagination.previous')}
      nextAccessibleName={t('pagination.nextName')}
      previousAccessibleName={t('pagination.previousName')}
      pageAccessibleName={t('pagination.page')}
      currentPageAccessibleName={t('pagination.currentPage')}
      className="tr-pagination"
    />
  );
}

export function pageFrom(params: URLSearchParams): number {
  const n = Number(params.get('pagina') ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}
