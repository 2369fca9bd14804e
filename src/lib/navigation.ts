import { can, type Permission, type Role } from './auth/permissions.ts';

export type NavItem = { path: string; labelKey: string; permission: Permission | 'user' };

const items: NavItem[] = [
  { path: '/', labelKey: 'nav.home', permission: 'user' },
  { path: '/training', labelKey: 'nav.training', permission: 'training.take' },
  { path: '/hr', labelKey: 'nav.hr', permission: 'hr.view' },
  { path: '/audits', labelKey: 'nav.audits', permission: 'audits.conduct' },
  { path: '/actions', labelKey: 'nav.actions', permission: 'actions.own' },
  { path: '/authoring', labelKey: 'nav.authoring', permission: 'content.edit' },
  { path: '/admin', labelKey: 'nav.admin', permission: 'admin.users' },
];

/** The navigation a role sees, from the permission table. */
export function navigationFor(role: Role): NavItem[] {
  return items.filter((i) => i.permission === 'user' || can(role, i.permission));
}
