// Managers and "My team" over HTTP and the command line: who may be whose manager, and who sees whom.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, correctiveActions, users } from '../../db/schema.ts';
import { root, startServer, type Client, type TestServer } from '../support/server.ts';

const DAY = 24 * 60 * 60 * 1000;
let server: TestServer;
let admin: Client;
type P = { id: string; email: string; password: string };
let boss: P, lead: P, worker: P, outsider: P, hrUser: P;

const post = (c: Client, p: string, fields: Record<string, string>) =>
  c.fetch(p, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
const setManager = (who: P, email: string, locale = '') => post(admin, `${locale}/admin`, { op: 'manager', userId: who.id, manager: email });
const managerOf = async (who: P) => (await server.db.select({ m: users.managerId }).from(users).where(eq(users.id, who.id)))[0]!.m;
function lms(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['scripts/lms.ts', ...args], { cwd: root, input, env: { ...process.env, LMS_DATA_DIR: server.dataDir, NODE_ENV: 'test' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  server = await startServer({ env: { LMS_NOTIFY_INTERVAL_MS: '0' } });
  admin = await server.login(await server.user('admin'));
  boss = await server.user('employee', { name: 'Bea Boss', email: 'bea@team.example' });
  lead = await server.user('auditor', { name: 'Lee Lead', email: 'lee@team.example', department: 'Audit' });
  worker = await server.user('employee', { name: 'Wu Worker', email: 'wu@team.example', department: 'Audit' });
  outsider = await server.user('employee', { name: 'Otto Outsider' });
  hrUser = await server.user('hr', { name: 'Hana HR' });
});
afterAll(async () => {
  await server?.stop();
});

describe('setting managers on the admin page', () => {
  it('sets one, and refuses an unknown, a deactivated or a circular manager, changing nothing', async () => {
    expect((await setManager(lead, boss.email)).status).toBe(303);
    expect((await setManager(worker, lead.email)).status).toBe(303);
    expect(await managerOf(worker)).toBe(lead.id);

    const circle = await setManager(boss, worker.email);
    expect(circle.status).toBe(422);
    expect(await circle.text()).toContain('That would make a circle of managers (bea@team.example → wu@team.example → lee@team.example → bea@team.example).');
    expect(await managerOf(boss)).toBeNull();
    const self = await setManager(boss, boss.email);
    expect(await self.text()).toContain('A person cannot be their own manager.');
    const unknown = await setManager(outsider, 'nobody@team.example', '/zh-cn');
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('没有邮箱为 nobody@team.example 的用户。');
    const gone = await server.user('employee', { name: 'Gone', email: 'gone@team.example' });
    await server.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const inactive = await setManager(outsider, gone.email);
    expect(await inactive.text()).toContain('gone@team.example is deactivated and cannot be a manager.');
    expect(await managerOf(outsider)).toBeNull();
    // the admin page shows who manages whom
    expect(await (await admin.fetch('/admin?q=wu%40team')).text()).toContain('value="lee@team.example"');
  });
});

describe('"My team"', () => {
  beforeAll(async () => {
    const hr = await server.login(hrUser);
    const res = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'confidentiality', emails: [worker.email, lead.email, outsider.email], dueAt: Date.now() + 10 * DAY } });
    expect(res.status).toBe(201);
    // the worker is 9 days late
    await server.db.update(assignments).set({ dueAt: Date.now() - 9 * DAY - 3600_000 }).where(eq(assignments.userId, worker.id));
    const auditId = 'team-audit';
    await server.db.run(
      (await import('drizzle-orm')).sql`INSERT INTO audits (id, checklist_slug, checklist_version, locale, title, auditor_id, status, created_at, signed_at) VALUES (${auditId}, 'emergency-drill', 1, 'en', 'Drill', ${lead.id}, 'signed', ${Date.now()}, ${Date.now()})`,
    );
    const now = Date.now();
    await server.db.insert(correctiveActions).values([
      { id: 'act-open', auditId, itemId: 'x1', title: 'Replace the lock', severity: 'high', status: 'open', ownerId: worker.id, dueAt: now + 5 * DAY, createdBy: lead.id, createdAt: now, updatedAt: now },
      { id: 'act-done', auditId, itemId: 'x2', title: 'Old fix', severity: 'low', status: 'verified', ownerId: worker.id, dueAt: now, createdBy: lead.id, createdAt: now, updatedAt: now },
    ]);
  });

  it('GET /api/team gives a manager their reports through the chain, with courses and open actions', async () => {
    const c = await server.login(boss);
    const res = await c.fetch('/api/team');
    expect(res.status).toBe(200);
    const team = (await res.json()) as { email: string; name: string; department: string | null; courses: { course: string; status: string; dueAt: string; completedAt: string | null; expiresAt: string | null; daysOverdue: number }[]; openActions: { title: string }[] }[];
    expect(team.map((m) => m.email)).toEqual(['lee@team.example', 'wu@team.example']);
    const wu = team[1]!;
    expect(wu).toMatchObject({ name: 'Wu Worker', department: 'Audit' });
    expect(wu.courses).toEqual([{ course: 'confidentiality', status: 'overdue', dueAt: expect.any(String), completedAt: null, expiresAt: null, daysOverdue: 9 }]);
    expect(wu.openActions.map((a) => a.title)).toEqual(['Replace the lock']);
    expect(team[0]!.courses[0]).toMatchObject({ course: 'confidentiality', status: 'assigned' });
  });

  it('a lead sees only their own report; people without reports, HR included, see nobody', async () => {
    const l = await server.login(lead);
    expect(((await (await l.fetch('/api/team')).json()) as { email: string }[]).map((m) => m.email)).toEqual(['wu@team.example']);
    for (const who of [worker, outsider, hrUser]) {
      const c = await server.login(who);
      expect(await (await c.fetch('/api/team')).json()).toEqual([]);
    }
  });

  it('one person by id: only for someone in the chain, otherwise 404 as for any other person’s things', async () => {
    const b = await server.login(boss);
    expect((await b.fetch(`/api/team/${worker.id}`)).status).toBe(200);
    expect((await b.fetch(`/api/team/${outsider.id}`)).status).toBe(404);
    expect((await b.fetch(`/api/team/${boss.id}`)).status).toBe(404);
    const w = await server.login(worker);
    expect((await w.fetch(`/api/team/${lead.id}`)).status).toBe(404);
    expect((await server.anonymous().fetch('/api/team')).status).toBe(401);
  });

  it('the /team page in both languages, and "My team" in the menu only for those with reports', async () => {
    const b = await server.login(boss);
    const en = await (await b.fetch('/team')).text();
    expect(en).toMatch(/<tr data-email="wu@team.example">[\s\S]*data-status="overdue"[\s\S]*9 days overdue[\s\S]*Replace the lock/);
    expect(en).not.toContain('Old fix');
    expect(en).toContain('href="/team"');
    const zh = await (await b.fetch('/zh-cn/team')).text();
    expect(zh).toContain('我的团队');
    expect(zh).toContain('逾期 9 天');
    const o = await server.login(outsider);
    const page = await (await o.fetch('/team')).text();
    expect(page).toContain('Nobody reports to you.');
    expect(await (await o.fetch('/training')).text()).not.toContain('href="/team"');
  });
});

describe('managers on the command line', { timeout: 120_000 }, () => {
  it('user add --manager: sets an active manager, refuses an unknown or deactivated one and adds nobody', () => {
    const ok = lms(['user', 'add', '--email', 'cli.one@team.example', '--name', 'Cli One', '--role', 'employee', '--manager', 'BEA@team.example'], 'a long enough password\n');
    expect(ok.code, ok.err).toBe(0);
    const bad = lms(['user', 'add', '--email', 'cli.two@team.example', '--name', 'Cli Two', '--role', 'employee', '--manager', 'nobody@team.example'], 'a long enough password\n');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('There is no user with the email nobody@team.example to be the manager');
    const off = lms(['user', 'add', '--email', 'cli.three@team.example', '--name', 'Cli Three', '--role', 'employee', '--manager', 'gone@team.example'], 'a long enough password\n');
    expect(off.code).toBe(1);
    expect(off.err).toContain('gone@team.example is deactivated');
  });

  it('user import with a manager column: all rows or none', async () => {
    const dir = fs.mkdtempSync(path.join(server.dataDir, 'csv-'));
    const file = (name: string, body: string) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, `email,name,role,department,manager\n${body}`);
      return p;
    };
    // a circle inside the file
    const circle = lms(['user', 'import', file('circle.csv', 'c1@imp.example,C1,employee,Ops,c2@imp.example\nc2@imp.example,C2,employee,Ops,c1@imp.example\n')]);
    expect(circle.code).toBe(1);
    expect(circle.err).toContain('circle of managers');
    // one unknown manager among good rows
    const unknown = lms(['user', 'import', file('unknown.csv', 'u1@imp.example,U1,employee,Ops,bea@team.example\nu2@imp.example,U2,employee,Ops,ghost@imp.example\n')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('ghost@imp.example');
    const gone = lms(['user', 'import', file('gone.csv', 'g1@imp.example,G1,employee,Ops,gone@team.example\n')]);
    expect(gone.code).toBe(1);
    const imported = await server.db.select().from(users);
    expect(imported.filter((u) => u.email.endsWith('@imp.example'))).toEqual([]);
    // a good file: a manager imported on a later line, another existing, one row without
    const good = lms(['user', 'import', file('good.csv', 'n1@imp.example,N1,employee,Ops,n2@imp.example\nn2@imp.example,N2,employee,Ops,bea@team.example\nn3@imp.example,N3,employee,Ops,\n')]);
    expect(good.code, good.err).toBe(0);
    const rows = await server.db.select({ id: users.id, email: users.email, managerId: users.managerId }).from(users);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    expect(byEmail.get('n1@imp.example')!.managerId).toBe(byEmail.get('n2@imp.example')!.id);
    expect(byEmail.get('n2@imp.example')!.managerId).toBe(boss.id);
    expect(byEmail.get('n3@imp.example')!.managerId).toBeNull();
  });
});
