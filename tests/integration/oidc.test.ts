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
