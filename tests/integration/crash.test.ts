// Kill the server with SIGKILL in the middle of a write load, start it again, and check that
// nothing is half-written: the database is intact, the audit log chain verifies, and every
// audit is either a draft without a report or signed with its report.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../src/lib/log/verify-log.ts';
import { answersFor, checklistItems } from '../support/quiz.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe('a crash under load', () => {
  it('leaves a consistent database after SIGKILL', async () => {
    server = await startServer();
    const auditor = await server.user('auditor');
    const auditorClient = await server.login(auditor);
    const employees = await Promise.all(Array.from({ length: 12 }, () => server!.user('employee')));
    const clients = await Promise.all(employees.map((e) => server!.login(e)));

    // several audits ready to sign, so that a signing is likely to be in flight at the kill
    const items = checklistItems('emergency-drill');
    const auditIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await auditorClient.fetch('/api/audits', { method: 'POST', json: { checklist: 'emergency-drill', title: `Drill ${i}` } });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      await Promise.all(items.map((item) => auditorClient.fetch(`/api/audits/${id}/responses/${item.id}`, { method: 'PUT', json: { result: 'fail', note: 'seen on site' } })));
      auditIds.push(id);
    }

    const pass = answersFor('confidentiality');
    const load: Promise<number>[] = [];
    const swallow = (p: Promise<Response>) => p.then((r) => r.status).catch(() => 0);
    for (const c of clients) for (let k = 0; k < 5; k++) load.push(swallow(c.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: pass } })));
    for (const id of auditIds) load.push(swallow(auditorClient.fetch(`/api/audits/${id}/sign`, { method: 'POST', json: { password: auditor.password, statement: 'I confirm' } })));
    // kill as soon as writes are landing, so that others are certainly in flight
    const started = Date.now();
    while ((await server.db.all<{ n: number }>(sql`select count(*) as n from attempts`))[0]!.n < 10 && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await server.stop('SIGKILL');
    const statuses = await Promise.all(load);
    expect(statuses.filter((s) => s === 0).length).toBeGreaterThan(0);

    server = await startServer({ dataDir: server.dataDir });
    const [integrity] = await server.db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
    expect(integrity?.integrity_check).toBe('ok');
    expect(await verifyLog(server.db)).toMatchObject({ ok: true });

    const audits = await server.db.all<{ status: string; report_id: string | null; has_doc: number }>(
      sql`select a.status, a.report_id, (select count(*) from signed_documents d where d.id = a.report_id) as has_doc from audits a`,
    );
    for (const a of audits) {
      if (a.status === 'signed') expect([a.report_id !== null, a.has_doc]).toEqual([true, 1]);
      else expect(a.report_id).toBeNull();
    }
    // every completion points at a stored attempt, and nobody holds two current completions of one version
    const orphans = await server.db.all<{ n: number }>(sql`select count(*) as n from completions c left join attempts a on a.id = c.attempt_id where a.id is null`);
    expect(orphans[0]?.n).toBe(0);
    const doubles = await server.db.all<{ n: number }>(sql`select count(*) as n from (select user_id from completions group by user_id, course_slug, course_version having count(*) > 1)`);
    expect(doubles[0]?.n).toBe(0);

    // and the restarted server works
    const again = await server.login(employees[0]!);
    expect((await again.fetch('/api/courses')).status).toBe(200);
  }, 180_000);
});
