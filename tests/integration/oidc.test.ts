// Signing in through the firm's OpenID provider: a real oidc-provider on loopback, the built app
// configured against it, and HTTP all the way (the browser's part walked with cookie jars).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, departments, loginFailures, sessions, userIdentities, users } from '../../db/schema.ts';
import { updateUser } from '../../src/lib/auth/manage-users.ts';
import { callApp, Jar, startProvider, walkToCallback, type TestProvider } from '../support/oidc-provider.ts';
import { freePort, startServer, type TestServer } from '../support/server.ts';

let provider: TestProvider;
let server: TestServer;
let appUrl: string;
let n = 0;
// every test signs in from its own address (the app trusts x-forwarded-for here), so throttling
// counts can be read per test and do not spill over
const address = () => ({ 'x-forwarded-for': `10.0.${Math.floor(n / 250)}.${n % 250}` });
let headers: Record<string, string>;

beforeAll(async () => {
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  provider = await startProvider({ appUrl });
  server = await startServer({ port, env: { ...provider.appEnv(appUrl), LMS_TRUSTED_PROXY_HEADER: 'x-forwarded-for', LMS_OIDC_DEPARTMENT_CLAIM: 'department' } });
});
afterAll(async () => {
  await server?.stop();
  await provider?.stop();
});
beforeEach(() => {
  n++;
  headers = address();
  provider.tamper = null;
  provider.codeTtl = 60;
});

function account(id: string, a: Partial<Parameters<TestProvider['accounts']['set']>[1]> = {}) {
  provider.accounts.set(id, { email: `${id}@firm.example`, email_verified: true, name: `Person ${id}`, ...a });
  return id;
}

async function signIn(login: string, next = '/training') {
  const walk = await walkToCallback({ appUrl, provider, login, next, headers });
  const res = await callApp(walk.callbackUrl, walk.app, headers);
  return { res, walk, jar: walk.app };
}

describe('sign-in through the identity provider', () => {
  it('provisions a new person with the mapped role and department, opens a session like a password login, and returns to next', async () => {
    const id = account('ada', { department: 'Tax', groups: ['Staff', 'Compliance-HR'] });
    const { res, walk, jar } = await signIn(id, '/hr?tab=due');
    // the authorization request uses PKCE (S256), state and nonce
    expect(walk.authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(walk.authUrl.searchParams.get('state')).toBeTruthy();
    expect(walk.authUrl.searchParams.get('nonce')).toBeTruthy();
    expect(walk.authUrl.searchParams.get('redirect_uri')).toBe(`${appUrl}/auth/oidc/callback`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/hr?tab=due');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lms_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//i);
    // the same cookie, with the same attributes, as a password login sets
    const pw = await server.user('employee');
    const pwRes = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ email: pw.email, password: pw.password }) });
    const attrs = (c: string) => c.split(';').slice(1).map((a) => a.trim().split('=')[0]!.toLowerCase()).sort();
    expect(attrs(cookie)).toEqual(attrs(pwRes.headers.getSetCookie().find((c) => c.startsWith('lms_session='))!));
    // the flow cookie is spent
    expect(jar.get('lms_oidc')).toBeUndefined();
    const [u] = await server.db.select().from(users).where(eq(users.email, 'ada@firm.example'));
    expect(u).toMatchObject({ name: 'Person ada', role: 'hr', active: true, passwordHash: '' });
    const [d] = await server.db.select().from(departments).where(eq(departments.id, u!.departmentId!));
    expect(d!.name).toBe('Tax');
    // the session works for the HR page, which an employee could not open
    const hr = await fetch(`${appUrl}/hr`, { headers: { cookie: jar.header() }, redirect: 'manual' });
    expect(hr.status).toBe(200);
    const entries = await server.db.select().from(auditLog).where(eq(auditLog.subjectId, u!.id));
    const login = entries.find((e) => e.action === 'auth.login')!;
    expect(JSON.parse(login.details)).toMatchObject({ method: 'oidc', address: '10.0.0.1' });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create', 'user.link_identity', 'auth.login']));
    const [s] = await server.db.select().from(sessions).where(eq(sessions.userId, u!.id));
    expect(s!.loginMethod).toBe('oidc');
  });
});

async function expectRefused(res: Response, reason: string, status: number) {
  const html = await res.text();
  expect(res.status).toBe(status);
  expect(html).toContain(`data-reason="${reason}"`);
  expect(res.headers.getSetCookie().some((c) => /^lms_session=[^;]+/.test(c) && !/^lms_session=;/.test(c))).toBe(false);
  return html;
}

async function failuresLogged(addr: string) {
  const entries = await server.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
  return entries.map((e) => JSON.parse(e.details)).filter((d) => d.address === addr);
}

async function failureCount(addr: string) {
  return (await server.db.select().from(loginFailures).where(eq(loginFailures.key, `address:${addr}`))).length;
}

describe('failures: a readable page, the reason logged without a token, no session, counted', () => {
  const tampered: Array<[string, (c: Record<string, unknown>) => Record<string, unknown>, 'foreign-key' | undefined, RegExp]> = [
    ['an ID token signed with another key', (c) => c, 'foreign-key', /signature/i],
    ['a wrong audience', (c) => ({ ...c, aud: 'some-other-client' }), undefined, /"aud"/],
    ['a wrong issuer', (c) => ({ ...c, iss: 'http://evil.example' }), undefined, /"iss"/],
    ['a changed nonce', (c) => ({ ...c, nonce: 'not-the-nonce-we-sent-0123456789' }), undefined, /nonce/],
    ['an expired ID token', (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }), undefined, /"exp"/],
  ];
  for (const [what, rewrite, signWith, detail] of tampered) {
    it(`refuses ${what}`, async () => {
      const id = account(`t${n}`, { groups: ['LMS-Admins'] });
      provider.tamper = (claims) => ({ claims: rewrite(claims as Record<string, unknown>), ...(signWith ? { signWith } : {}) });
      const { res } = await signIn(id);
      const html = await expectRefused(res, 'token', 400);
      expect(html).toContain('could not be verified');
      // nobody was created, no session exists
      expect(await server.db.select().from(users).where(eq(users.email, `${id}@firm.example`))).toHaveLength(0);
      const logged = await failuresLogged(headers['x-forwarded-for']!);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ method: 'oidc', reason: 'token' });
      expect(logged[0].detail).toMatch(detail);
      expect(await failureCount(headers['x-forwarded-for']!)).toBe(1);
      // no token in the log or the server's output (a JWT starts with eyJ, the encoded '{"')
      expect(JSON.stringify(logged)).not.toContain('eyJ');
      expect(server.output()).not.toContain('eyJ');
    });
  }

  it('refuses a replayed code', async () => {
    const id = account(`r${n}`);
    const walk = await walkToCallback({ appUrl, provider, login: id, next: '/training', headers });
    const copy = new Jar();
    copy.cookies = new Map(walk.app.cookies); // the attacker replays the whole request, cookie included
    expect((await callApp(walk.callbackUrl, walk.app, headers)).status).toBe(303);
    const replay = await callApp(walk.callbackUrl, copy, headers);
    await expectRefused(replay, 'code', 400);
    expect((await failuresLogged(headers['x-forwarded-for']!))[0]).toMatchObject({ reason: 'code' });
  });

  it('refuses an expired code', async () => {
    provider.codeTtl = 1;
    const id = account(`e${n}`);
    const walk = await walkToCallback({ appUrl, provider, login: id, next: '/training', headers });
    await new Promise((r) => setTimeout(r, 2100));
    await expectRefused(await callApp(walk.callbackUrl, walk.app, headers), 'code', 400);
    expect(await failureCount(headers['x-forwarded-for']!)).toBe(1);
  });

  it('refuses a state that does not match, and a callback in a browser that started no sign-in', async () => {
    const id = account(`s${n}`);
    const tokensBefore = provider.tokenRequests;
    const walk = await walkToCallback({ appUrl, provider, login: id, next: '/training', headers });
    const forged = new URL(walk.callbackUrl);
    forged.searchParams.set('state', 'x'.repeat(43));
    await expectRefused(await callApp(forged.href, walk.app, headers), 'state', 400);
    const walk2 = await walkToCallback({ appUrl, provider, login: id, next: '/training', headers });
    await expectRefused(await callApp(walk2.callbackUrl, new Jar(), headers), 'state', 400);
    // the code was never sent to the provider
    expect(provider.tokenRequests).toBe(tokensBefore);
    expect((await failuresLogged(headers['x-forwarded-for']!)).map((l) => l.reason)).toEqual(['state', 'state']);
    expect(await failureCount(headers['x-forwarded-for']!)).toBe(2);
  });

  it('shows the provider\'s refusal (the person cancelled) as a readable page', async () => {
    const jar = new Jar();
    const start = await callApp(`${appUrl}/auth/oidc/start?next=/training`, jar, headers);
    const stateParam = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const back = `${appUrl}/auth/oidc/callback?${new URLSearchParams({ error: 'access_denied', state: stateParam, iss: provider.issuer })}`;
    const html = await expectRefused(await callApp(back, jar, headers), 'denied', 400);
    expect(html).toContain('did not sign you in');
    expect((await failuresLogged(headers['x-forwarded-for']!))[0]).toMatchObject({ reason: 'denied' });
  });

  it('refuses an unverified or missing email_verified, with a readable message, and creates nobody', async () => {
    for (const verified of [false, undefined]) {
      const id = `u${n}-${String(verified)}`;
      provider.accounts.set(id, { email: `${id}@firm.example`, name: 'Unverified', ...(verified === undefined ? {} : { email_verified: verified }) });
      const { res } = await signIn(id);
      const html = await expectRefused(res, 'unverified_email', 403);
      expect(html).toContain('not verified');
      expect(await server.db.select().from(users).where(eq(users.email, `${id}@firm.example`))).toHaveLength(0);
    }
    expect(await failureCount(headers['x-forwarded-for']!)).toBe(2);
  });

  it('keeps a person deactivated here refused, whatever the provider says', async () => {
    const existing = await server.user('employee', { email: `gone${n}@firm.example`, name: 'Gone Person' });
    const admin = await server.user('admin');
    await updateUser(server.db, { userId: existing.id, actor: { id: admin.id, role: 'admin' }, active: false });
    const id = account(`gone${n}`, { groups: ['LMS-Admins'], name: 'Gone But Admin' });
    const html = await expectRefused((await signIn(id)).res, 'deactivated', 403);
    expect(html).toContain('deactivated');
    const [u] = await server.db.select().from(users).where(eq(users.id, existing.id));
    expect(u).toMatchObject({ active: false, role: 'employee', name: 'Gone Person' });
    expect(await server.db.select().from(userIdentities).where(eq(userIdentities.userId, existing.id))).toHaveLength(0);
    // counted against the account too, like a wrong password
    expect(await server.db.select().from(loginFailures).where(eq(loginFailures.key, `account:gone${n}@firm.example`))).toHaveLength(1);
  });

  it('shows the failure page in the language the sign-in started in', async () => {
    const id = account(`zh${n}`);
    provider.tamper = (claims) => ({ claims, signWith: 'foreign-key' });
    const walk = await walkToCallback({ appUrl, provider, login: id, next: '/zh-cn/training', headers, locale: 'zh-cn' });
    expect(walk.authUrl.searchParams.get('ui_locales')).toMatch(/^zh-CN/);
    const html = await expectRefused(await callApp(walk.callbackUrl, walk.app, headers), 'token', 400);
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('登录失败');
    expect(html).toContain('无法验证登录服务返回的信息');
  });

  it('counts failures towards login throttling: at the limit, both sign-in ways are refused from that address', async () => {
    const addr = headers['x-forwarded-for']!;
    // 49 earlier failures from this address (the limit is 50 in 15 minutes), then one of ours
    await server.db.insert(loginFailures).values(Array.from({ length: 49 }, () => ({ key: `address:${addr}`, at: Date.now() })));
    const id = account(`th${n}`);
    const walk = await walkToCallback({ appUrl, provider, login: id, next: '/training', headers });
    await expectRefused(await callApp(walk.callbackUrl, new Jar(), headers), 'state', 400);
    expect(await failureCount(addr)).toBe(50);
    const again = await fetch(`${appUrl}/auth/oidc/start?next=/training`, { headers, redirect: 'manual' });
    const html = await expectRefused(again, 'throttled', 429);
    expect(html).toContain('Too many failed sign-ins');
    const who = await server.user('employee');
    const pw = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) });
    expect(pw.status).toBe(429);
  });
});

describe('accounts', () => {
  it('links an existing password account by verified email, case-insensitively; both ways then work', async () => {
    const existing = await server.user('employee', { email: `grace${n}@firm.example`, name: 'Grace H', department: 'Audit' });
    const id = `grace${n}`;
    provider.accounts.set(id, { email: `Grace${n}@FIRM.Example`, email_verified: true, name: 'Grace Hopper', department: 'Internal Audit', groups: ['Internal-Audit'] });
    const { res } = await signIn(id);
    expect(res.status).toBe(303);
    expect(await server.db.select().from(users).where(eq(users.email, `grace${n}@firm.example`))).toHaveLength(1);
    const [u] = await server.db.select().from(users).where(eq(users.id, existing.id));
    expect(u).toMatchObject({ role: 'auditor', name: 'Grace Hopper' });
    const [identity] = await server.db.select().from(userIdentities).where(eq(userIdentities.userId, existing.id));
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: id });
    // the password still works where password login is on
    const pw = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ email: existing.email, password: existing.password }) });
    expect(pw.status).toBe(200);
    const entries = await server.db.select().from(auditLog).where(eq(auditLog.subjectId, existing.id));
    expect(entries.filter((e) => e.action === 'auth.login').map((e) => JSON.parse(e.details).method)).toEqual(['oidc', 'password']);
  });

  it('updates name, department and role from the provider at each sign-in; the highest mapped role wins; no match is employee', async () => {
    const id = account(`upd${n}`, { department: 'Tax', groups: ['Internal-Audit'] });
    await signIn(id);
    const find = async () => (await server.db.select().from(users).where(eq(users.email, `${id}@firm.example`)))[0]!;
    expect((await find()).role).toBe('auditor');
    provider.accounts.set(id, { email: `${id}@firm.example`, email_verified: true, name: 'Renamed', department: 'Advisory', groups: ['Internal-Audit', 'LMS-Admins', 'Compliance-HR'] });
    expect((await signIn(id)).res.status).toBe(303);
    const u = await find();
    expect(u).toMatchObject({ name: 'Renamed', role: 'admin' });
    const [d] = await server.db.select().from(departments).where(eq(departments.id, u.departmentId!));
    expect(d!.name).toBe('Advisory');
    provider.accounts.set(id, { email: `${id}@firm.example`, email_verified: true, name: 'Renamed', department: 'Advisory', groups: ['Something-Else'] });
    await signIn(id);
    expect((await find()).role).toBe('employee');
  });

  it('keeps next on this site', async () => {
    const id = account(`next${n}`);
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', '/%2F%2Fevil.example', '/%5Cevil.example', '/%252F%252Fevil.example', '/\t/evil.example']) {
      const { res } = await signIn(id, bad);
      expect(res.status, bad).toBe(303);
      expect(res.headers.get('location'), bad).toBe('/');
    }
  });

  it('logs out here and then at the provider after a provider sign-in; a password session just ends', async () => {
    const id = account(`out${n}`);
    const { jar } = await signIn(id);
    const out = await fetch(`${appUrl}/logout`, { method: 'POST', headers: { cookie: jar.header(), origin: appUrl, 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(out.status).toBe(303);
    const to = new URL(out.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(to.searchParams.get('client_id')).toBe(provider.clientId);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${appUrl}/login`);
    const [u] = await server.db.select().from(users).where(eq(users.email, `${id}@firm.example`));
    expect(await server.db.select().from(sessions).where(eq(sessions.userId, u!.id))).toHaveLength(0);
    // the CSP lets the logout form's redirect continue to the provider
    expect(out.headers.get('content-security-policy')).toContain(`form-action 'self' ${provider.issuer}`);

    const who = await server.user('employee');
    const client = await server.login(who);
    const out2 = await client.fetch('/logout', { method: 'POST', headers: { origin: appUrl, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(out2.status).toBe(303);
    expect(out2.headers.get('location')).toBe('/login');
  });

  it('shows on the login page, in both languages, and on the admin page how each person signs in', async () => {
    const en = await (await fetch(`${appUrl}/login?next=/hr`)).text();
    expect(en).toContain('Sign in with Test IdP');
    expect(en).toContain('href="/auth/oidc/start?next=%2Fhr"');
    expect(en).toContain('name="password"');
    const zh = await (await fetch(`${appUrl}/zh-cn/login`)).text();
    expect(zh).toContain('使用 Test IdP 登录');
    expect(zh).toContain('href="/zh-cn/auth/oidc/start?next=%2Fzh-cn%2F"');

    const both = await server.user('employee', { email: `both${n}@firm.example` });
    await signIn(account(`both${n}`));
    const providerOnly = account(`only${n}`);
    await signIn(providerOnly);
    const passwordOnly = await server.user('employee');
    const admin = await server.user('admin');
    const client = await server.login(admin);
    const page = await (await client.fetch(`/admin?q=${encodeURIComponent('')}`)).text();
    const method = (email: string) => new RegExp(`data-email="${email.replace(/[.]/g, '\\.')}"[\\s\\S]*?data-method="(\\w+)"`).exec(page)?.[1];
    expect(method(both.email)).toBe('both');
    expect(method(`${providerOnly}@firm.example`)).toBe('provider');
    expect(method(passwordOnly.email)).toBe('password');
  });
});
