import { systemActor } from '../../src/lib/auth/permissions.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema.ts';
import { updateUser } from '../../src/lib/auth/manage-users.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('sessions', () => {
  it('ends the session on the server at logout', async () => {
    const u = await server.user('employee');
    const c = await server.login(u);
    expect((await c.fetch('/api/me/completions')).status).not.toBe(401);
    expect((await c.fetch('/api/auth/logout', { method: 'POST', json: {} })).status).toBe(204);
    // the old cookie no longer works, even if a client kept it
    expect((await c.fetch('/api/me/completions')).status).toBe(401);
    expect(await server.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
  });

  it('stops a deactivated user at once', async () => {
    const admin = await server.user('admin');
    const u = await server.user('employee');
    const c = await server.login(u);
    await updateUser(server.db, { userId: u.id, actor: systemActor, active: false });
    expect((await c.fetch('/api/me/completions')).status).toBe(401);
    const page = await c.fetch('/training');
    expect(page.status).toBe(303);
  });

  it('slides the expiry of a session that is still in use', async () => {
    const u = await server.user('employee');
    const c = await server.login(u);
    const soon = Math.floor(Date.now() / 1000) + 2 * 24 * 3600;
    await server.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.userId, u.id));
    const res = await c.fetch('/api/me/completions');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((x) => x.startsWith('lms_session='))).toMatch(/Max-Age=\d+|Expires=/i);
    const [row] = await server.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(row!.expiresAt).toBeGreaterThan(soon + 10 * 24 * 3600);
  });

  it('never takes a session id from the URL', async () => {
    const u = await server.user('employee');
    const c = await server.login(u);
    const id = c.cookie!.split('=')[1];
    const res = await fetch(`${server.url}/api/me/completions?lms_session=${id}&session=${id}`);
    expect(res.status).toBe(401);
  });

  it('answers 429 after five failures for one account and says so on the login page', async () => {
    const u = await server.user('employee');
    for (let i = 0; i < 5; i++) {
      const r = await server.anonymous().fetch('/api/auth/login', { method: 'POST', json: { email: u.email, password: 'definitely wrong' } });
      expect(r.status).toBe(401);
    }
    const locked = await server.anonymous().fetch('/api/auth/login', { method: 'POST', json: { email: u.email, password: u.password } });
    expect(locked.status).toBe(429);
    expect(await locked.json()).toHaveProperty('error');
    const form = new URLSearchParams({ email: u.email, password: u.password });
    const page = await fetch(`${server.url}/login`, { method: 'POST', body: form, headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Too many failed attempts');
  });

  it('refuses a cross-site form post (origin check)', async () => {
    const form = new URLSearchParams({ email: 'a@b.c', password: 'x' });
    const res = await fetch(`${server.url}/login`, { method: 'POST', body: form, headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(res.status).toBe(403);
  });

  it('sends the security headers, with a script-src that has no unsafe-inline', async () => {
    const res = await fetch(`${server.url}/login`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src [^;]*'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });

  it('answers malformed login bodies with 400 or 415 and the {error} shape', async () => {
    const anon = server.anonymous();
    const bad = [
      await anon.fetch('/api/auth/login', { method: 'POST', body: 'not json', headers: { 'content-type': 'application/json' } }),
      await anon.fetch('/api/auth/login', { method: 'POST', json: { email: 42 } }),
      // a same-origin request (as a browser sends) with the wrong type; cross-site ones are refused earlier
      await anon.fetch('/api/auth/login', { method: 'POST', body: 'email=a', headers: { 'content-type': 'text/plain', origin: server.url } }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 415]);
    for (const r of bad) expect(typeof (await r.json()).error).toBe('string');
  });

  it('redirects a first visit from a Chinese browser to the Chinese site, but not once a language was chosen', async () => {
    const first = await fetch(`${server.url}/`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' }, redirect: 'manual' });
    expect(first.headers.get('location')).toBe('/zh-cn/');
    const chosen = await fetch(`${server.url}/`, { headers: { 'accept-language': 'zh-CN,zh;q=0.9', cookie: 'lms_locale=en' }, redirect: 'manual' });
    expect(chosen.headers.get('location')).toBe('/login');
  });
});

describe('behind a trusted reverse proxy', () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startServer({ env: { LMS_TRUSTED_PROXY_HEADER: 'x-forwarded-for' } });
  });
  afterAll(async () => {
    await proxied?.stop();
  });
  const loginVia = (who: { email: string; password: string }, headers: Record<string, string>) =>
    fetch(`${proxied.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(who) });

  it('marks the session cookie Secure when the proxy says the client used https', async () => {
    const u = await proxied.user('employee');
    const res = await loginVia(u, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('lms_session='))).toMatch(/; Secure/i);
  });

  it('throttles the client address from the trusted header, not the proxy’s own', async () => {
    const u = await proxied.user('employee');
    for (let i = 0; i < 50; i++) await loginVia({ email: `nobody${i}@x.example`, password: 'wrong wrong wrong' }, { 'x-forwarded-for': '203.0.113.50' });
    expect((await loginVia(u, { 'x-forwarded-for': '203.0.113.50' })).status).toBe(429);
    expect((await loginVia(u, { 'x-forwarded-for': '203.0.113.51' })).status).toBe(200);
  }, 60_000);

  it('ignores forwarding headers when no proxy is configured', async () => {
    const u = await server.user('employee');
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify(u) });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('lms_session='))).not.toMatch(/Secure/i);
  });
});
