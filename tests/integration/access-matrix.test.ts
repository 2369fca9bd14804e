// Walks every route the app serves with every role and with no session, against the permission table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccess, roles, type Role } from '../../src/lib/auth/permissions.ts';
import { listRoutes } from '../support/routes.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

let server: TestServer;
const clients = new Map<Role | 'anonymous', Client>();
// logging out would end the session the matrix uses; it has its own test
const skip = new Set(['/logout', '/api/auth/logout', '/forbidden']);

beforeAll(async () => {
  server = await startServer();
  clients.set('anonymous', server.anonymous());
  for (const role of roles) clients.set(role, await server.login(await server.user(role)));
});
afterAll(async () => {
  await server?.stop();
});

describe('the access matrix', () => {
  const routes = listRoutes().filter((r) => !skip.has(r.path));

  it('finds the routes of every area', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(['/login', '/admin', '/api/auth/login']));
  });

  for (const who of ['anonymous', ...roles] as const) {
    it(`gives ${who} exactly what the permission table allows`, async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        for (const method of route.methods) {
          const expected = decideAccess(route.path, who === 'anonymous' ? null : who);
          const res = await clients.get(who)!.fetch(route.path, method === 'GET' ? {} : { method, json: {} });
          const got = res.status;
          const ok =
            expected === 'login'
              ? route.api ? got === 401 : got === 303 && (res.headers.get('location') ?? '').startsWith('/login')
              : expected === 'forbidden'
                ? got === 403
                : got !== 401 && got !== 403 && got < 500;
          if (!ok) wrong.push(`${method} ${route.path}: expected ${expected}, got ${got}`);
          if (route.api && got >= 400) {
            const body = await res.json().catch(() => null);
            if (typeof body?.error !== 'string') wrong.push(`${method} ${route.path}: ${got} without the {error} shape`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
