import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('signing in over HTTP', () => {
  it('answers 200 with the user and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const u = await server.user('employee');
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: u.email, password: u.password }) });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ email: u.email, role: 'employee' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lms_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });
});
