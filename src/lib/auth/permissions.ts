// The one permission table: what each role may do, and which permission each route needs.
// Pages and endpoints never check roles themselves; middleware applies `routeRules`, and
// domain operations call `can` for per-object decisions.
import type { Role } from '../../../db/schema.ts';

export const roles = ['employee', 'hr', 'auditor', 'admin'] as const satisfies readonly Role[];
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
  'actions.manage': ['auditor', 'admin'],
  'actions.verify': ['auditor', 'admin'],
  'programme.manage': ['auditor', 'admin'],
  'evidence.pack': ['hr', 'auditor', 'admin'],
  'admin.users': ['admin'],
  'admin.log': ['admin'],
  'admin.signing': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
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
  { pattern: /^\/(admin)(\/|$)/, access: 'admin.users', example: '/admin' },
  { pattern: /^\/api\/admin\//, access: 'admin.users', example: '/api/admin/users' },
  { pattern: /./, access: 'user', example: '/training' },
];

/** The access a path needs. */
export function accessFor(pathname: string): Access {
  return routeRules.find((r) => r.pattern.test(pathname))?.access ?? 'user';
}

/** Whether a user (or nobody) may reach a path; 'login' means they must sign in first. */
export function decideAccess(pathname: string, role: Role | null): 'allow' | 'login' | 'forbidden' {
  const access = accessFor(pathname);
  if (access === 'public') return 'allow';
  if (!role) return 'login';
  if (access === 'user') return 'allow';
  return can(role, access) ? 'allow' : 'forbidden';
}
