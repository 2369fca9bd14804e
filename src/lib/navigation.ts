import { can, type Permission, type Role } from './auth/permissions.ts';

export type NavItem = { path: string; labelKey: string; permission: Permission | 'user'; onlyWithReports?: boolean };

const items: NavItem[] = [
  { path: '/', labelKey: 'nav.home', permission: 'user' },
  { path: '/training', labelKey: 'nav.training', permission: 'training.take' },
  { path: '/hr', labelKey: 'nav.hr', permission: 'hr.view' },
  { path: '/audits', labelKey: 'nav.audits', permission: 'audits.conduct' },
  { path: '/actions', labelKey: 'nav.actions', permission: 'actions.own' },
  { path: '/team', labelKey: 'nav.team', permission: 'team.view', onlyWithReports: true },
  { path: '/admin', labelKey: 'nav.admin', permission: 'admin.users' },
  { path: '/me', labelKey: 'nav.me', permission: 'profile.own' },
];

/** The navigation a role sees, from the permission table; "My team" only for people who have reports. */
export function navigationFor(role: Role, o: { hasReports?: boolean } = {}): NavItem[] {
  return items.filter((i) => (i.permission === 'user' || can(role, i.permission)) && (!i.onlyWithReports || o.hasReports === true));
}
