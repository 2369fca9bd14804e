// Concurrency over HTTP: many people at once, double clicks and two tabs lose nothing and duplicate nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalTargets, type ActionStatus } from '../../src/lib/audit/action-transitions.ts';
import { answersFor, checklistItems } from '../support/quiz.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const count = async (q: ReturnType<typeof sql>) => (await server.db.all<{ n: number }>(q))[0]!.n;

describe('races', () => {
  it('100 employees passing at the same moment get exactly 100 attempts and 100 completions', async () => {
    const people = await Promise.all(Array.from({ length: 100 }, (_, i) => server.user('employee', { email: `racer${i}@race.example` })));
    const clients = await Promise.all(people.map((p) => server.login(p)));
    const pass = answersFor('retention-and-destruction');
    const results = await Promise.all(clients.map((c) => c.fetch('/api/courses/retention-and-destruction/attempts', { method: 'POST', json: { answers: pass } })));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(await count(sql`select count(*) as n from attempts a join users u on u.id = a.user_id where u.email like '%@race.example'`)).toBe(100);
    expect(await count(sql`select count(*) as n from completions c join users u on u.id = c.user_id where u.email like '%@race.example'`)).toBe(100);
  }, 120_000);

  it('one employee submitting the same passing attempt from two tabs gets one completion', async () => {
    const person = await server.user('employee');
    const [tab1, tab2] = [await server.login(person), await server.login(person)];
    const pass = answersFor('emergency-response');
    const both = await Promise.all([tab1, tab2, tab1, tab2].map((t) => t.fetch('/api/courses/emergency-response/attempts', { method: 'POST', json: { answers: pass } })));
    expect(both.every((r) => r.status === 201)).toBe(true);
    expect(await count(sql`select count(*) as n from completions where user_id = ${person.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from attempts where user_id = ${person.id}`)).toBe(4);
  });

  it('keeps both of two items edited at the same time, and ten concurrent sign requests sign once', async () => {
    const auditor = await server.user('auditor');
    const c = await server.login(auditor);
    const { id } = (await (await c.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: 'Race' } })).json()) as { id: string };
    const items = checklistItems('records-destruction');
    const edits = await Promise.all(items.map((item) => c.fetch(`/api/audits/${id}/responses/${item.id}`, { method: 'PUT', json: { result: 'pass', note: `note ${item.id}` } })));
    expect(edits.every((r) => r.status === 200)).toBe(true);
    expect(await count(sql`select count(*) as n from audit_responses where audit_id = ${id}`)).toBe(items.length);
    const signs = await Promise.all(Array.from({ length: 10 }, () => c.fetch(`/api/audits/${id}/sign`, { method: 'POST', json: { password: auditor.password, statement: 'I confirm' } })));
    expect(signs.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(await count(sql`select count(*) as n from signed_documents where kind = 'audit_report' and subject_id = ${id}`)).toBe(1);
  }, 120_000);

  it('concurrent status changes of one action keep every accepted change in its history and reach no illegal state', async () => {
    const auditor = await server.user('auditor');
    const a = await server.login(auditor);
    const owner = await server.user('employee');
    const o = await server.login(owner);
    const { id: auditId } = (await (await a.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: 'Action race' } })).json()) as { id: string };
    for (const [i, item] of checklistItems('records-destruction').entries()) await a.fetch(`/api/audits/${auditId}/responses/${item.id}`, { method: 'PUT', json: { result: i === 0 ? 'fail' : 'pass', note: 'x' } });
    expect((await a.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: auditor.password, statement: 'ok' } })).status).toBe(200);
    const [action] = (await (await a.fetch(`/api/actions?audit=${auditId}`)).json()) as { id: string }[];
    await a.fetch(`/api/actions/${action!.id}`, { method: 'PATCH', json: { owner: owner.email } });

    const moves = [
      ...Array.from({ length: 6 }, () => o.fetch(`/api/actions/${action!.id}`, { method: 'PATCH', json: { status: 'in_progress' } })),
      ...Array.from({ length: 6 }, () => o.fetch(`/api/actions/${action!.id}`, { method: 'PATCH', json: { status: 'resolved', comment: 'fixed it' } })),
      ...Array.from({ length: 4 }, () => a.fetch(`/api/actions/${action!.id}`, { method: 'PATCH', json: { status: 'verified' } })),
    ];
    const statuses = (await Promise.all(moves)).map((r) => r.status);
    // 403: the owner asking to reopen a resolved action, a move only auditors make; 409/422: the state moved on first
    expect(statuses.filter((s) => ![200, 403, 409, 422].includes(s))).toEqual([]);

    const detail = (await (await a.fetch(`/api/actions/${action!.id}`)).json()) as { action: { status: ActionStatus }; events: { kind: string; fromValue: string | null; toValue: string | null }[] };
    const changes = detail.events.filter((e) => e.kind === 'status');
    expect(changes.length).toBe(statuses.filter((s) => s === 200).length);
    let current: ActionStatus = 'open';
    for (const change of changes) {
      expect(change.fromValue).toBe(current);
      expect(legalTargets(current)).toContain(change.toValue);
      current = change.toValue as ActionStatus;
    }
    expect(detail.action.status).toBe(current);
  }, 120_000);
});
