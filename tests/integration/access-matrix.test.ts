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

describe("another person's things, by guessed or leaked id", () => {
  it('keeps certificates, evidence and corrective actions to the people allowed to see them', async () => {
    const { answersFor, checklistItems } = await import('../support/quiz.ts');
    const ownerUser = await server.user('employee');
    const owner = await server.login(ownerUser);
    const other = await server.login(await server.user('employee'));
    const auditorUser = await server.user('auditor');
    const auditor = await server.login(auditorUser);

    const passed = await (await owner.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: answersFor('confidentiality') } })).json();
    const cert = `/api/certificates/${passed.completion.id}.pdf`;
    expect((await owner.fetch(cert)).status).toBe(200);
    expect((await other.fetch(cert)).status).toBe(404);

    const { id: auditId } = await (await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: 'Access' } })).json();
    const form = new FormData();
    form.append('itemId', 'rd-01');
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'record.pdf');
    const up = await auditor.fetch(`/api/audits/${auditId}/evidence`, { method: 'POST', body: form, headers: { origin: server.url } });
    expect(up.status).toBe(201);
    const evidenceId = (await up.json()).id as string;
    expect((await auditor.fetch(`/api/evidence/${evidenceId}`)).status).toBe(200);
    expect([403, 404]).toContain((await other.fetch(`/api/evidence/${evidenceId}`)).status);

    for (const item of checklistItems('records-destruction')) await auditor.fetch(`/api/audits/${auditId}/responses/${item.id}`, { method: 'PUT', json: { result: 'fail', note: 'x' } });
    expect((await auditor.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: auditorUser.password, statement: 'ok' } })).status).toBe(200);
    const [action] = await (await auditor.fetch(`/api/actions?audit=${auditId}`)).json();
    expect((await auditor.fetch(`/api/actions/${action.id}`, { method: 'PATCH', json: { owner: ownerUser.email } })).status).toBe(200);
    expect((await owner.fetch(`/api/actions/${action.id}`)).status).toBe(200);
    expect((await other.fetch(`/api/actions/${action.id}`)).status).toBe(404);
    expect((await other.fetch(`/api/actions/${action.id}`, { method: 'PATCH', json: { status: 'in_progress' } })).status).toBe(404);
    expect((await other.fetch(`/api/actions/${action.id}/comments`, { method: 'POST', json: { text: 'let me in' } })).status).toBe(404);
    expect(await (await other.fetch('/api/actions')).json()).toEqual([]);
    expect((await other.fetch(`/api/audits/${auditId}/report.pdf`)).status).toBe(403);
  }, 60_000);
});
