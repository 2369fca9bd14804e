// The permission table against DESIGN.md's role table, written out here by hand: if a row of
// src/lib/auth/permissions.ts changes, this (and the HTTP access matrix) fails.
import { describe, expect, it } from 'vitest';
import { accessFor, can, decideAccess, permissions, roles, type Permission, type Role } from '../../../src/lib/auth/permissions.ts';
import { navigationFor } from '../../../src/lib/navigation.ts';

const everyone: Role[] = ['employee', 'hr', 'auditor', 'admin', 'editor'];
// DESIGN "People and what they can do": who holds each power
const expected: Record<string, Role[]> = {
  'training.take': everyone,
  'actions.own': everyone,
  'hr.view': ['hr', 'admin'],
  'hr.assign': ['hr', 'admin'],
  'hr.export': ['hr', 'admin'],
  'users.import': ['hr', 'admin'],
  'certificates.any': ['hr', 'admin'],
  'audits.conduct': ['auditor', 'admin'],
  'audits.editAny': ['admin'],
  'actions.manage': ['auditor', 'admin'],
  'actions.verify': ['auditor', 'admin'],
  // issue 14: sites and schedules are run by auditors; the evidence pack is for hr, auditors and admins
  'programme.manage': ['auditor', 'admin'],
  'evidence.pack': ['hr', 'auditor', 'admin'],
  'admin.users': ['admin'],
  'users.grantAdmin': ['admin'],
  'admin.log': ['admin'],
  'admin.signing': ['admin'],
  // issue 15: only an admin can be the break-glass account (password login switched off)
  'auth.breakglass': ['admin'],
  // DESIGN: "manager (any person with reports)": anyone may open My team, which shows only their reports
  'team.view': everyone,
  // everyone's own profile and mail preferences (/me)
  'profile.own': everyone,
  // DESIGN: the editor authors, translates and publishes courses and checklists (issue 13), as does the admin
  'content.edit': ['admin', 'editor'],
};

describe('the permission table', () => {
  it('knows exactly the roles of DESIGN', () => {
    expect([...roles].sort()).toEqual([...everyone].sort());
  });

  it('has exactly the permissions written out here', () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [permission, holders] of Object.entries(expected)) {
    it(`gives ${permission} to ${holders.join(', ')} and nobody else`, () => {
      for (const role of everyone) expect(can(role, permission as Permission), `${role} ${permission}`).toBe(holders.includes(role));
    });
  }
});

describe('route access', () => {
  // path → who gets in (null: nobody signed in)
  const table: [string, (Role | null)[]][] = [
    ['/login', [null, ...everyone]],
    ['/verify', [null, ...everyone]],
    ['/api/reports/verify', [null, ...everyone]],
    ['/api/auth/login', [null, ...everyone]],
    ['/auth/oidc/start', [null, ...everyone]],
    ['/auth/oidc/callback', [null, ...everyone]],
    ['/_astro/x.css', [null, ...everyone]],
    ['/', [null, ...everyone]],
    ['/training', everyone],
    ['/training/confidentiality/01-why', everyone],
    ['/api/courses', everyone],
    ['/actions', everyone],
    ['/actions/new', ['auditor', 'admin']],
    ['/hr', ['hr', 'admin']],
    ['/hr/people/abc', ['hr', 'admin']],
    ['/api/hr/completions.csv', ['hr', 'admin']],
    ['/audits', ['auditor', 'admin']],
    ['/audits/abc', ['auditor', 'admin']],
    ['/api/checklists', ['auditor', 'admin']],
    ['/audits/schedules', ['auditor', 'admin']],
    ['/audits/sites', ['auditor', 'admin']],
    ['/audits/trends', ['auditor', 'admin']],
    ['/api/audit-schedules', ['auditor', 'admin']],
    ['/api/audit-schedules/abc', ['auditor', 'admin']],
    ['/api/sites', ['auditor', 'admin']],
    ['/api/evidence-pack.pdf', ['hr', 'auditor', 'admin']],
    ['/api/audits/x/sign', ['auditor', 'admin']],
    ['/authoring', ['admin', 'editor']],
    ['/authoring/courses/confidentiality', ['admin', 'editor']],
    ['/api/authoring/courses/confidentiality/draft', ['admin', 'editor']],
    ['/authoringx', everyone],
    ['/admin', ['admin']],
    ['/admin/users', ['admin']],
    ['/team', everyone],
    ['/api/team', everyone],
    ['/api/team/abc', everyone],
    ['/me', everyone],
    ['/me/notifications', everyone],
    ['/something-new', everyone],
    ['/hrx', everyone],
    ['/administrator', everyone],
  ];
  for (const [path, allowed] of table) {
    it(`lets ${allowed.map((r) => r ?? 'anyone').join(', ')} into ${path}, and the same with a trailing slash`, () => {
      for (const who of [null, ...everyone] as (Role | null)[]) {
        const want = allowed.includes(who) ? 'allow' : who === null ? 'login' : 'forbidden';
        expect(decideAccess(path, who), `${who} ${path}`).toBe(want);
        if (path !== '/') expect(decideAccess(`${path}/`, who), `${who} ${path}/`).toBe(want);
      }
    });
  }

  it('keeps the public routes to those DESIGN names', () => {
    expect(accessFor('/api/auth/logout')).toBe('user');
    expect(accessFor('/api/me/completions')).toBe('user');
  });
});

describe('navigation', () => {
  it('shows each role the areas DESIGN gives it, and no more', () => {
    const paths = (role: Role) => navigationFor(role).map((i) => i.path);
    expect(paths('employee')).toEqual(['/', '/training', '/actions']);
    expect(paths('hr')).toEqual(['/', '/training', '/hr', '/actions']);
    expect(paths('auditor')).toEqual(['/', '/training', '/audits', '/actions']);
    expect(paths('admin')).toEqual(['/', '/training', '/hr', '/audits', '/actions', '/authoring', '/admin']);
    expect(paths('editor')).toEqual(['/', '/training', '/actions', '/authoring']);
  });

  it('shows "My team" to people who have reports, whatever their role', () => {
    for (const role of ['employee', 'hr', 'auditor', 'admin'] as Role[]) {
      expect(navigationFor(role, { hasReports: true }).map((i) => i.path)).toContain('/team');
      expect(navigationFor(role, { hasReports: false }).map((i) => i.path)).not.toContain('/team');
    }
  });
});
