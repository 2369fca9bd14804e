// DESIGN.md's "People and what they can do", at the level of routes, written out for tests that
// need an expectation: an independent copy, never read from src/lib/auth/permissions.ts.
export type Who = 'anonymous' | 'employee' | 'hr' | 'auditor' | 'admin';

const signedIn: Who[] = ['employee', 'hr', 'auditor', 'admin'];
const rules: [RegExp, Who[]][] = [
  [/^\/(login|verify)?$/, ['anonymous', ...signedIn]],
  [/^\/api\/(auth\/login|reports\/verify)$/, ['anonymous', ...signedIn]],
  [/^\/(api\/)?hr(\/|$)/, ['hr', 'admin']],
  [/^\/(api\/)?audits(\/|$)/, ['auditor', 'admin']],
  [/^\/api\/checklists(\/|$)/, ['auditor', 'admin']],
  [/^\/actions\/new$/, ['auditor', 'admin']],
  [/^\/(api\/)?admin(\/|$)/, ['admin']],
];

/** Who may reach a (decoded, locale-free) path at all; object-level rules come on top. */
export function whoMayReach(path: string): Who[] {
  const p = path.length > 1 ? path.replace(/\/$/, '') : path;
  return rules.find(([re]) => re.test(p))?.[1] ?? signedIn;
}
