import type { ReactElement, SVGProps } from 'react';
import {
  ArrowForwardIcon,
  BarChartFillIcon,
  BuildingsFillIcon,
  CalendarFillIcon,
  ClipboardFillIcon,
  MapFillIcon,
  PersonAtDeskFillIcon,
  DocumentCheckMarkFillIcon,
  HouseCanalFillIcon,
  HandWithPlantFillIcon,
  HouseFillIcon,
  MailFillIcon,
  MegaphoneFillIcon,
  PersonsFillIcon,
  SettingsFillIcon,
  UserAccountFillIcon,
} from '@amsterdam/design-system-react-icons';
import type { Action } from '../../domain/policy/index.ts';
import type { Role } from '../../domain/organisations/model.ts';

export interface NavItem {
  to: string;
  /** Translation key of the label. */
  label: string;
  /** The policy action that must be allowed for the item to show. */
  action: Action;
  icon: (props: SVGProps<SVGSVGElement>) => ReactElement<SVGProps<SVGSVGElement>>;
  /** Only for these roles (when the action is shared with roles that reach the page another way). */
  roles?: ReadonlyArray<Role>;
}

/** The modules that exist today. An item shows only when the policy allows its action. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', action: 'session.self', icon: HouseFillIcon },
  { to: '/werklijst', label: 'nav.worklist', action: 'worklist.read', icon: ClipboardFillIcon },
  { to: '/clienten', label: 'nav.clients', action: 'client.list', icon: PersonAtDeskFillIcon },
  // Matching (issue 10): the corporation's dwellings; offers for the parties that act on them (corporation, care provider);
  // Wonen's queue of swaps and moves and the matching settings.
  { to: '/woningen', label: 'nav.dwellings', action: 'dwelling.create', icon: HouseCanalFillIcon },
  { to: '/aanbiedingen', label: 'nav.offers', action: 'offer.list', icon: MailFillIcon, roles: ['corporation_contact', 'care_worker', 'team_manager'] },
  { to: '/wonen/ruil-en-verhuizing', label: 'nav.moves', action: 'move.list', icon: ArrowForwardIcon, roles: ['wonen_officer'] },
  { to: '/matching/instellingen', label: 'nav.matchingConfig', action: 'matching_config.update', icon: SettingsFillIcon },
  // The hub's overview and the New Chance scheme (overlast.md §5, §7.6).
  { to: '/meldpunt', label: 'nav.nuisanceHub', action: 'nuisance_hub.overview', icon: MegaphoneFillIcon, roles: ['nuisance_hub_officer'] },
  { to: '/nieuwe-kans', label: 'nav.newChance', action: 'new_chance.list', icon: HandWithPlantFillIcon, roles: ['nuisance_hub_officer', 'corporation_contact', 'care_worker'] },
  // The nuisance protocol (overlast.md): the care provider's reporting point and the corporation's cases and copies.
  { to: '/overlast', label: 'nav.nuisance', action: 'nuisance_case.list', icon: MegaphoneFillIcon, roles: ['care_worker', 'team_manager', 'corporation_contact'] },
  { to: '/monitor', label: 'nav.monitor', action: 'monitor.read', icon: BarChartFillIcon },
  { to: '/beheer/organisaties', label: 'nav.organisations', action: 'organisation.list', icon: BuildingsFillIcon },
  { to: '/beheer/gebruikers', label: 'nav.users', action: 'user.list', icon: PersonsFillIcon },
  { to: '/beheer/auditlog', label: 'nav.audit', action: 'audit.read', icon: DocumentCheckMarkFillIcon },
  { to: '/kalender', label: 'nav.calendar', action: 'calendar.read', icon: CalendarFillIcon },
  { to: '/route', label: 'nav.route', action: 'system.public', icon: MapFillIcon },
  { to: '/mijn-account', label: 'nav.account', action: 'session.self', icon: UserAccountFillIcon },
];

/** Whether a menu item is for this role (the action is decided by the policy; `roles` narrows a shared action). */
export function forRole(item: NavItem, role: Role | null | undefined): boolean {
  return !item.roles || (!!role && item.roles.includes(role));
}

export function isCurrent(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
