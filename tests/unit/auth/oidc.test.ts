import { describe, expect, it } from 'vitest';
import { passwordAllowedFor } from '../../../src/lib/auth/login.ts';
import { profileFromClaims, roleFromGroups } from '../../../src/lib/auth/oidc/claims.ts';
import { decodeFlow, encodeFlow } from '../../../src/lib/auth/oidc/flow.ts';
import { loadConfig, parseRoleMap } from '../../../src/lib/config.ts';
import { safeNext } from '../../../src/lib/locale-path.ts';

const map = parseRoleMap('hr=Compliance-HR,auditor=Internal-Audit,admin=LMS-Admins');
const settings = { departmentClaim: 'department', groupsClaim: 'groups', roleMap: map };
const base = { iss: 'https://idp.example', sub: 'abc', email: 'Ada@Firm.Example', email_verified: true, name: 'Ada L' };

describe('role from the provider\'s groups', () => {
  it('maps groups to roles, the highest wins, none is employee', () => {
    expect(roleFromGroups([], map)).toBe('employee');
    expect(roleFromGroups(['Staff'], map)).toBe('employee');
    expect(roleFromGroups(['Internal-Audit'], map)).toBe('auditor');
    expect(roleFromGroups(['Internal-Audit', 'Compliance-HR'], map)).toBe('hr');
    expect(roleFromGroups(['Compliance-HR', 'LMS-Admins', 'Internal-Audit'], map)).toBe('admin');
    // Keycloak's full group paths, and case
    expect(roleFromGroups(['/lms-admins'], map)).toBe('admin');
  });

  it('reads LMS_OIDC_ROLE_MAP and refuses a bad one', () => {
    expect(map).toEqual([{ role: 'hr', group: 'Compliance-HR' }, { role: 'auditor', group: 'Internal-Audit' }, { role: 'admin', group: 'LMS-Admins' }]);
    expect(parseRoleMap('')).toEqual([]);
    expect(() => parseRoleMap('boss=Admins')).toThrow(/LMS_OIDC_ROLE_MAP/);
    expect(() => parseRoleMap('admin=')).toThrow(/LMS_OIDC_ROLE_MAP/);
  });
});

describe('profile from verified claims', () => {
  it('takes email (lower-cased), name, department and role', () => {
    expect(profileFromClaims({ ...base, department: 'Tax', groups: ['Internal-Audit'] }, settings)).toEqual({
      issuer: 'https://idp.example', subject: 'abc', email: 'ada@firm.example', name: 'Ada L', department: 'Tax', role: 'auditor',
    });
  });
  it('refuses an unverified or unconfirmed email, and a missing one', () => {
    expect(profileFromClaims({ ...base, email_verified: false }, settings)).toEqual({ problem: 'unverified_email' });
    const { email_verified: _, ...noFlag } = base;
    expect(profileFromClaims(noFlag, settings)).toEqual({ problem: 'unverified_email' });
    expect(profileFromClaims({ ...base, email: undefined }, settings)).toEqual({ problem: 'no_email' });
  });
  it('leaves the department alone when the claim is absent, and roles alone when no map is set', () => {
    const p = profileFromClaims(base, { ...settings, roleMap: [] });
    expect(p).toMatchObject({ department: undefined, role: undefined });
    expect(profileFromClaims({ ...base, dept: ['Audit', 'x'] }, { ...settings, departmentClaim: 'dept' })).toMatchObject({ department: 'Audit', role: 'employee' });
    expect(profileFromClaims({ ...base, name: undefined, given_name: 'Ada', family_name: 'Lovelace' }, settings)).toMatchObject({ name: 'Ada Lovelace' });
  });
});

describe('next stays on this site', () => {
  it.each([
    '//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'http:/evil.example', 'javascript:alert(1)',
    '/%2F%2Fevil.example', '/%2f/evil.example', '/%5Cevil.example', '/%252F%252Fevil.example', '/\t/evil.example', '/\n/evil.example', '%2F%2Fevil.example', '',
  ])('refuses %j', (bad) => {
    expect(safeNext(bad, '/home')).toBe('/home');
  });
  it('keeps paths, queries and the Chinese prefix', () => {
    expect(safeNext('/hr?tab=due', '/')).toBe('/hr?tab=due');
    expect(safeNext('/zh-cn/training/confidentiality', '/')).toBe('/zh-cn/training/confidentiality');
  });
});

describe('the flow cookie', () => {
  const flow = { state: 's'.repeat(43), nonce: 'n'.repeat(43), verifier: 'v'.repeat(43), next: '/training', locale: 'en' as const, at: 1_000_000 };
  it('round-trips, and is refused after ten minutes or when tampered', () => {
    expect(decodeFlow(encodeFlow(flow), 1_000_000 + 60_000)).toEqual(flow);
    expect(decodeFlow(encodeFlow(flow), 1_000_000 + 601_000)).toBeNull();
    expect(decodeFlow(encodeFlow({ ...flow, state: 'short' }), 1_000_000)).toBeNull();
    expect(decodeFlow('not-base64-json', 1_000_000)).toBeNull();
    expect(decodeFlow(undefined)).toBeNull();
  });
});

describe('configuration', () => {
  const env = { LMS_OIDC_ISSUER: 'https://login.example/tenant/v2.0', LMS_OIDC_CLIENT_ID: 'lms', LMS_PUBLIC_URL: 'https://lms.firm.example/' };
  it('builds the redirect URI from LMS_PUBLIC_URL', () => {
    const c = loadConfig(env);
    expect(c.oidc).toMatchObject({ redirectUri: 'https://lms.firm.example/auth/oidc/callback', postLogoutRedirectUri: 'https://lms.firm.example/login', provision: true, departmentClaim: 'department', scopes: 'openid email profile' });
    expect(c.passwordLogin).toBe(true);
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({ LMS_OIDC_ISSUER: '' }).oidc).toBeUndefined();
  });
  it('accepts an http issuer only with LMS_OIDC_ALLOW_HTTP=1, and needs a client id and public URL', () => {
    expect(() => loadConfig({ ...env, LMS_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/firm' })).toThrow(/LMS_OIDC_ALLOW_HTTP/);
    expect(loadConfig({ ...env, LMS_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/firm', LMS_OIDC_ALLOW_HTTP: '1' }).oidc?.allowHttp).toBe(true);
    expect(() => loadConfig({ ...env, LMS_OIDC_CLIENT_ID: undefined })).toThrow(/LMS_OIDC_CLIENT_ID/);
    expect(() => loadConfig({ ...env, LMS_PUBLIC_URL: undefined })).toThrow(/LMS_PUBLIC_URL/);
    expect(() => loadConfig({ LMS_PASSWORD_LOGIN: 'no' })).toThrow(/LMS_PASSWORD_LOGIN/);
  });
});

describe('password login switched off', () => {
  const off = { passwordLogin: false, breakglassEmail: 'glass@firm.example' };
  it('allows only the break-glass admin', () => {
    expect(passwordAllowedFor({ email: 'anyone@firm.example', role: 'admin' }, { passwordLogin: true, breakglassEmail: undefined })).toBe(true);
    expect(passwordAllowedFor({ email: 'Glass@Firm.example', role: 'admin' }, off)).toBe(true);
    expect(passwordAllowedFor({ email: 'glass@firm.example', role: 'hr' }, off)).toBe(false);
    expect(passwordAllowedFor({ email: 'other@firm.example', role: 'admin' }, off)).toBe(false);
    expect(passwordAllowedFor({ email: 'glass@firm.example', role: 'admin' }, { passwordLogin: false, breakglassEmail: undefined })).toBe(false);
  });
});
