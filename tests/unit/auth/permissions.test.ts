import { describe, expect, it } from 'vitest';
import { accessFor, can, decideAccess, permissions, roles } from '../../../src/lib/auth/permissions.ts';

describe('the permission table', () => {
  it('gives hr and admin, and nobody else, the HR powers', () => {
    expect(roles.filter((r) => can(r, 'hr.assign'))).toEqual(['hr', 'admin']);
    expect(roles.filter((r) => can(r, 'hr.export'))).toEqual(['hr', 'admin']);
  });
  it('lets only auditors and admins conduct audits and verify actions', () => {
    expect(roles.filter((r) => can(r, 'audits.conduct'))).toEqual(['auditor', 'admin']);
    expect(roles.filter((r) => can(r, 'actions.verify'))).toEqual(['auditor', 'admin']);
  });
  it('keeps user management and the audit log to admins', () => {
    expect(roles.filter((r) => can(r, 'admin.users'))).toEqual(['admin']);
    expect(roles.filter((r) => can(r, 'admin.log'))).toEqual(['admin']);
  });
  it('lets every role take training', () => {
    expect(roles.every((r) => can(r, 'training.take'))).toBe(true);
  });
  it('gives admin every permission', () => {
    for (const p of Object.keys(permissions) as (keyof typeof permissions)[]) expect(can('admin', p)).toBe(true);
  });
});

describe('route access', () => {
  it('leaves only login, verification and static assets public', () => {
    expect(accessFor('/login')).toBe('public');
    expect(accessFor('/verify')).toBe('public');
    expect(accessFor('/api/reports/verify')).toBe('public');
    expect(accessFor('/api/auth/login')).toBe('public');
    expect(accessFor('/_astro/x.css')).toBe('public');
    expect(accessFor('/training')).toBe('user');
    expect(accessFor('/api/courses')).toBe('user');
    expect(accessFor('/something-new')).toBe('user');
  });
  it('sends the logged-out to the login page and refuses roles without the permission', () => {
    expect(decideAccess('/hr', null)).toBe('login');
    expect(decideAccess('/hr', 'employee')).toBe('forbidden');
    expect(decideAccess('/hr', 'hr')).toBe('allow');
    expect(decideAccess('/api/audits/x/sign', 'hr')).toBe('forbidden');
    expect(decideAccess('/admin', 'auditor')).toBe('forbidden');
    expect(decideAccess('/admin/users', 'admin')).toBe('allow');
  });
  it('does not let a prefix trick match another area', () => {
    expect(accessFor('/hrx')).toBe('user');
    expect(accessFor('/administrator')).toBe('user');
  });
});
