import { decideAccess, type Role } from './auth/permissions.ts';

export type NavItem = { path: string; labelKey: string; onlyWithReports?: boolean };

const items: NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/training', labelKey: 'nav.training' },
  { path: '/hr', labelKey: 'nav.hr' },
  { path: '/audits', labelKey: 'nav.audits' },
  { path: '/actions', labelKey: 'nav.actions' },
  // managers only: anyone may open /team, but the menu shows it to people who have reports
  { path: '/team', labelKey: 'nav.team', onlyWithReports: true },
  { path: '/admin', labelKey: 'nav.admin' },
];

/** The navigation a role sees: the areas whose routes the permission table opens to it, so a link never leads to a refusal. */
export function navigationFor(role: Role, o: { hasReports?: boolean } = {}): NavItem[] {
  return items.filter((i) => decideAccess(i.path, role) === 'allow' && (!i.onlyWithReports || o.hasReports === true));
}
