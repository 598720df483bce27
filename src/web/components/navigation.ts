import type { ReactElement, SVGProps } from 'react';
import {
  BarChartFillIcon,
  BuildingsFillIcon,
  CalendarFillIcon,
  ClipboardFillIcon,
  MapFillIcon,
  PersonAtDeskFillIcon,
  DocumentCheckMarkFillIcon,
  HouseFillIcon,
  PersonsFillIcon,
  UserAccountFillIcon,
} from '@amsterdam/design-system-react-icons';
import type { Action } from '../../domain/policy/index.ts';

export interface NavItem {
  to: string;
  /** Translation key of the label. */
  label: string;
  /** The policy action that must be allowed for the item to show. */
  action: Action;
  icon: (props: SVGProps<SVGSVGElement>) => ReactElement<SVGProps<SVGSVGElement>>;
}

/** The modules that exist today. An item shows only when the policy allows its action. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', action: 'session.self', icon: HouseFillIcon },
  { to: '/werklijst', label: 'nav.worklist', action: 'worklist.read', icon: ClipboardFillIcon },
  { to: '/clienten', label: 'nav.clients', action: 'client.list', icon: PersonAtDeskFillIcon },
  { to: '/monitor', label: 'nav.monitor', action: 'monitor.read', icon: BarChartFillIcon },
  { to: '/beheer/organisaties', label: 'nav.organisations', action: 'organisation.list', icon: BuildingsFillIcon },
  { to: '/beheer/gebruikers', label: 'nav.users', action: 'user.list', icon: PersonsFillIcon },
  { to: '/beheer/auditlog', label: 'nav.audit', action: 'audit.read', icon: DocumentCheckMarkFillIcon },
  { to: '/kalender', label: 'nav.calendar', action: 'calendar.read', icon: CalendarFillIcon },
  { to: '/route', label: 'nav.route', action: 'system.public', icon: MapFillIcon },
  { to: '/mijn-account', label: 'nav.account', action: 'session.self', icon: UserAccountFillIcon },
];

export function isCurrent(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
