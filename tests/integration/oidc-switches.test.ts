// LMS_PASSWORD_LOGIN=off with a break-glass admin, LMS_OIDC_PROVISION=off, and an identity
// provider that cannot be reached.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginFailures, users } from '../../db/schema.ts';
import { callApp, startProvider, walkToCallback, type TestProvider } from '../support/oidc-provider.ts';
import { freePort, startServer, type TestServer } from '../support/server.ts';

let provider: TestProvider;
let server: TestServer;
let appUrl: string;
const BREAKGLASS = 'Break.Glass@firm.example';

beforeAll(async () => {
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  provider = await startProvider({ appUrl });
  server = await startServer({ port, env: { ...provider.appEnv(appUrl), LMS_PASSWORD_LOGIN: 'off', LMS_BREAKGLASS_EMAIL: BREAKGLASS, LMS_OIDC_PROVISION: 'off' } });
});
afterAll(async () => {
  await server?.stop();
  await provider?.stop();
});

const apiLogin = (who: { email: string; password: string }) =>
  fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) });

const pageLogin = (who: { email: string; password: string }) =>
  fetch(`${appUrl}/login?password=1`, { method: 'POST', redirect: 'manual', headers: { origin: appUrl, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(who) });

describe('LMS_PASSWORD_LOGIN=off', () => {
  it('refuses passwords on the API and the page for everyone but the break-glass admin', async () => {
    const employee = await server.user('employee');
    const otherAdmin = await server.user('admin');
    const breakglass = await server.user('admin', { email: BREAKGLASS.toLowerCase() });
    for (const who of [employee, otherAdmin]) {
      expect((await apiLogin(who)).status).toBe(401);
      const page = await pageLogin(who);
      expect(page.status).toBe(401);
      expect(page.headers.getSetCookie().some((c) => c.startsWith('lms_session=') && !c.startsWith('lms_session=;'))).toBe(false);
    }
    const api = await apiLogin(breakglass);
    expect(api.status).toBe(200);
    const page = await pageLogin(breakglass);
    expect(page.status).toBe(303);
    expect(page.headers.getSetCookie().some((c) => /^lms_session=\w+/.test(c))).toBe(true);
    // refusals are counted like wrong passwords
    expect(await server.db.select().from(loginFailures).where(eq(loginFailures.key, `account:${employee.email}`))).toHaveLength(2);
  });

  it('the break-glass email must belong to an admin', async () => {
    // demote the break-glass account: its password no longer works
    const [bg] = await server.db.select().from(users).where(eq(users.email, BREAKGLASS.toLowerCase()));
    const password = `pw-${'x'.repeat(16)}`;
    const { hashPassword } = await import('../../src/lib/auth/password.ts');
    await server.db.update(users).set({ role: 'hr', passwordHash: await hashPassword(password) }).where(eq(users.id, bg!.id));
    expect((await apiLogin({ email: BREAKGLASS, password })).status).toBe(401);
    await server.db.update(users).set({ role: 'admin' }).where(eq(users.id, bg!.id));
    expect((await apiLogin({ email: BREAKGLASS, password })).status).toBe(200);
  });

  it('the provider\'s groups never take the admin role from the break-glass account', async () => {
    provider.accounts.set('glass', { email: BREAKGLASS, email_verified: true, name: 'Glass Admin', groups: ['Compliance-HR'] });
    const walk = await walkToCallback({ appUrl, provider, login: 'glass', next: '/admin' });
    const res = await callApp(walk.callbackUrl, walk.app);
    expect(res.status).toBe(303);
    const [bg] = await server.db.select().from(users).where(eq(users.email, BREAKGLASS.toLowerCase()));
    expect(bg).toMatchObject({ role: 'admin', name: 'Glass Admin' });
  });

  it('shows only the provider button on the login page; the form is at /login?password=1', async () => {
    const page = await (await fetch(`${appUrl}/login`)).text();
    expect(page).toContain('Sign in with Test IdP');
    expect(page).toContain('Password sign-in is switched off');
    expect(page).not.toContain('name="password"');
    const form = await (await fetch(`${appUrl}/login?password=1`)).text();
    expect(form).toContain('name="password"');
    expect(form).toContain('emergency administrator');
  });

  it('still signs existing people in through the provider', async () => {
    const who = await server.user('employee', { email: 'known@firm.example' });
    provider.accounts.set('known', { email: 'known@firm.example', email_verified: true, name: 'Known Person' });
    const walk = await walkToCallback({ appUrl, provider, login: 'known', next: '/training' });
    const res = await callApp(walk.callbackUrl, walk.app);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/training');
    const training = await fetch(`${appUrl}/training`, { headers: { cookie: walk.app.header() }, redirect: 'manual' });
    expect(training.status).toBe(200);
    expect(await training.text()).toContain(who.email);
  });
});

describe('LMS_OIDC_PROVISION=off', () => {
  it('refuses an unknown person and creates nobody', async () => {
    provider.accounts.set('stranger', { email: 'stranger@firm.example', email_verified: true, name: 'Stranger' });
    const walk = await walkToCallback({ appUrl, provider, login: 'stranger', next: '/training' });
    const res = await callApp(walk.callbackUrl, walk.app);
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('data-reason="no_account"');
    expect(html).toContain('There is no account for you here yet');
    expect(await server.db.select().from(users).where(eq(users.email, 'stranger@firm.example'))).toHaveLength(0);
  });
});

describe('an identity provider that cannot be reached', () => {
  it('shows a readable page, logs the reason, counts it, and opens no session', async () => {
    const deadPort = await freePort(); // nothing listens there
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dead = await startServer({ port, env: { ...provider.appEnv(url), LMS_OIDC_ISSUER: `http://127.0.0.1:${deadPort}` } });
    try {
      for (const prefix of ['', '/zh-cn']) {
        const res = await fetch(`${url}${prefix}/auth/oidc/start?next=/training`, { redirect: 'manual' });
        expect(res.status).toBe(502);
        const html = await res.text();
        expect(html).toContain('data-reason="unreachable"');
        expect(html).toContain(prefix ? '无法连接登录服务' : 'The sign-in service could not be reached');
        expect(res.headers.getSetCookie().some((c) => c.startsWith('lms_session=') || c.startsWith('lms_oidc='))).toBe(false);
      }
      const failed = (await dead.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'))).map((e) => JSON.parse(e.details));
      expect(failed).toHaveLength(2);
      expect(failed[0]).toMatchObject({ method: 'oidc', reason: 'unreachable' });
      expect(failed[0].detail).toMatch(/discovery failed/);
      expect(await dead.db.select().from(loginFailures).where(eq(loginFailures.key, 'address:127.0.0.1'))).toHaveLength(2);
      // password login is not switched off on this server, and keeps working
      const who = await dead.user('employee');
      expect((await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) })).status).toBe(200);
    } finally {
      await dead.stop();
    }
  });
});
