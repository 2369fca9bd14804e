// The one permission table: what each role may do, and which permission each route needs.
// Pages and endpoints never check roles themselves; middleware applies `routeRules`, and
// domain operations call `can` for per-object decisions.
import type { Role } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { forbidden } from '../errors.ts';
import { isInChainOf, reportIdsOf } from '../team/report-chain.ts';

export const roles = ['employee', 'hr', 'auditor', 'admin', 'editor'] as const satisfies readonly Role[];
export type { Role };

const everyone = roles;

export const permissions = {
  'training.take': everyone,
  'actions.own': everyone,
  'hr.view': ['hr', 'admin'],
  'hr.assign': ['hr', 'admin'],
  'hr.export': ['hr', 'admin'],
  'users.import': ['hr', 'admin'],
  'certificates.any': ['hr', 'admin'],
  'audits.conduct': ['auditor', 'admin'],
  // fill in a draft audit someone else started (signing stays with its own auditor)
  'audits.editAny': ['admin'],
  'actions.manage': ['auditor', 'admin'],
  'actions.verify': ['auditor', 'admin'],
  'programme.manage': ['auditor', 'admin'],
  'evidence.pack': ['hr', 'auditor', 'admin'],
  'admin.users': ['admin'],
  // create accounts with the admin role (HR imports people but cannot hand out more power than it has)
  'users.grantAdmin': ['admin'],
  'admin.log': ['admin'],
  'admin.signing': ['admin'],
  // the one account LMS_BREAKGLASS_EMAIL names may use its password when LMS_PASSWORD_LOGIN=off, if it holds this
  'auth.breakglass': ['admin'],
  // "My team": anyone may have reports; which people they see is decided per person by canSeeReport
  'team.view': everyone,
  'profile.own': everyone,
  // author, translate and publish courses and checklists (DESIGN: the editor role)
  'content.edit': ['admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

// When the identity provider's groups map to several roles, the highest wins. The editor holds an
// employee's rights plus authoring, so it ranks just above an employee and below the other roles.
const roleRank: Record<Role, number> = { employee: 0, editor: 1, auditor: 2, hr: 3, admin: 4 };

/** The highest of some roles (employee when there are none). */
export function highestRole(candidates: readonly Role[]): Role {
  return candidates.reduce<Role>((best, r) => (roleRank[r] > roleRank[best] ? r : best), 'employee');
}

/** Who performs an operation: a signed-in person, or `systemActor`. */
export type Actor = { id: string | null; role: Role };

/** The command line and the demo seed: whoever runs them holds the database file already. */
export const systemActor: Actor = { id: null, role: 'admin' };

/** Whether someone may give a person this role: everyone's roles but admin, which only those holding users.grantAdmin hand out. */
export function mayGrantRole(actor: Pick<Actor, 'role'>, role: Role): boolean {
  return role !== 'admin' || can(actor.role, 'users.grantAdmin');
}

/** Throws 403 unless the actor holds the permission: every operation on other people's data calls it, whatever the route said. */
export function assertCan(actor: Pick<Actor, 'role'>, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden();
}

/**
 * Whether `actor` may see `personId` on "My team": only the people who report to them, directly or
 * through the chain of managers, whatever their role (HR's view of everyone is /hr, not /team).
 */
export async function canSeeReport(db: Db | Tx, actor: Actor, personId: string): Promise<boolean> {
  if (!actor.id || !can(actor.role, 'team.view')) return false;
  return isInChainOf(db, actor.id, personId);
}

/** The people `actor` may see on "My team" (the same rule as canSeeReport, for a whole list at once). */
export async function reportsVisibleTo(db: Db | Tx, actor: Actor): Promise<string[]> {
  if (!actor.id || !can(actor.role, 'team.view')) return [];
  return reportIdsOf(db, actor.id);
}

/** 'public' needs no session; 'user' needs any active session; otherwise the named permission. */
export type Access = 'public' | 'user' | Permission;

export type RouteRule = { pattern: RegExp; access: Access; example: string };

// Paths are matched without the /zh-cn prefix. First match wins; anything unmatched needs a session.
export const routeRules: RouteRule[] = [
  { pattern: /^\/(_astro|favicon|fonts)\b/, access: 'public', example: '/favicon.svg' },
  { pattern: /^\/$/, access: 'public', example: '/' },
  { pattern: /^\/login\/?$/, access: 'public', example: '/login' },
  { pattern: /^\/api\/auth\/login$/, access: 'public', example: '/api/auth/login' },
  { pattern: /^\/auth\/oidc\/(start|callback)$/, access: 'public', example: '/auth/oidc/start' },
  { pattern: /^\/verify\/?$/, access: 'public', example: '/verify' },
  { pattern: /^\/api\/reports\/verify$/, access: 'public', example: '/api/reports/verify' },
  { pattern: /^\/(hr)(\/|$)/, access: 'hr.view', example: '/hr' },
  { pattern: /^\/api\/hr\//, access: 'hr.view', example: '/api/hr/completions' },
  { pattern: /^\/audits\/(sites|schedules)(\/|$)/, access: 'programme.manage', example: '/audits/schedules' },
  { pattern: /^\/(audits)(\/|$)/, access: 'audits.conduct', example: '/audits' },
  { pattern: /^\/api\/(sites|audit-schedules)(\/|$)/, access: 'programme.manage', example: '/api/audit-schedules' },
  { pattern: /^\/api\/evidence-pack\.pdf$/, access: 'evidence.pack', example: '/api/evidence-pack.pdf' },
  { pattern: /^\/api\/(audits|checklists)(\/|$)/, access: 'audits.conduct', example: '/api/checklists' },
  { pattern: /^\/actions\/new\/?$/, access: 'actions.manage', example: '/actions/new' },
  { pattern: /^\/(authoring)(\/|$)/, access: 'content.edit', example: '/authoring' },
  { pattern: /^\/api\/authoring(\/|$)/, access: 'content.edit', example: '/api/authoring/courses/confidentiality' },
  { pattern: /^\/(admin)(\/|$)/, access: 'admin.users', example: '/admin' },
  { pattern: /^\/api\/admin\//, access: 'admin.users', example: '/api/admin/users' },
  { pattern: /^\/(api\/)?team(\/|$)/, access: 'team.view', example: '/team' },
  { pattern: /^\/me(\/|$)/, access: 'profile.own', example: '/me' },
  { pattern: /./, access: 'user', example: '/training' },
];

/** The access a path needs. */
export function accessFor(pathname: string): Access {
  // the router serves `/x/` as `/x` (trailingSlash: ignore), so both get one answer
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return routeRules.find((r) => r.pattern.test(path))?.access ?? 'user';
}

/** Whether a user (or nobody) may reach a path; 'login' means they must sign in first. */
export function decideAccess(pathname: string, role: Role | null): 'allow' | 'login' | 'forbidden' {
  const access = accessFor(pathname);
  if (access === 'public') return 'allow';
  if (!role) return 'login';
  if (access === 'user') return 'allow';
  return can(role, access) ? 'allow' : 'forbidden';
}
