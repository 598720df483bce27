import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link } from 'react-router-dom';

/**
 * Lets ADS link components (Link, Menu.Link, Breadcrumb.Link, LinkList.Link, Pagination, the
 * PageHeader logo) navigate client-side: they pass `href`, React Router wants `to`.
 */
export const RouterLink = forwardRef<HTMLAnchorElement, AnchorHTMLAttributes<HTMLAnchorElement>>(function RouterLink({ href = '', ...rest }, ref) {
  return <Link ref={ref} to={href} {...rest} />;
});
