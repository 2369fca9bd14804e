// The audit programme over HTTP against the built server: sites and schedules, the CLI pass, two
// app servers on one database opening each draft once, the pages, and the signed evidence pack.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audits } from '../../db/schema.ts';
import { root, startServer, type Client, type TestServer } from '../support/server.ts';

const DAY = 24 * 3600 * 1000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-programme-'));
let server: TestServer;
let auditor: Client;
let hr: Client;
let employee: Client;
let auditorEmail: string;

beforeAll(async () => {
  // the in-server scheduler is off here so the CLI's passes are the only ones
  server = await startServer({ env: { LMS_PROGRAMME_INTERVAL_MS: '0' } });
  const a = await server.user('auditor', { name: 'Ada Auditor' });
  auditorEmail = a.email;
  auditor = await server.login(a);
  hr = await server.login(await server.user('hr'));
  employee = await server.login(await server.user('employee'));
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// asynchronous on purpose: a spawnSync would stall this process while the server closes idle keep-alive sockets
function lms(args: string[], dataDir = server.dataDir): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/lms.ts', ...args], { cwd: root, env: { ...process.env, LMS_DATA_DIR: dataDir }, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

describe('sites and schedules over HTTP', { timeout: 120_000 }, () => {
  it('lets auditors add sites and schedules; hr and employees get 403; bad input 400 or 422', async () => {
    expect((await auditor.fetch('/api/sites', { method: 'POST', json: { name: 'Records room', address: '2 Low Road' } })).status).toBe(201);
    expect((await auditor.fetch('/api/sites', { method: 'POST', json: { name: 'Records room' } })).status).toBe(409);
    expect((await hr.fetch('/api/sites', { method: 'POST', json: { name: 'X' } })).status).toBe(403);
    expect((await employee.fetch('/api/audit-schedules')).status).toBe(403);
    expect((await hr.fetch('/api/audit-schedules')).status).toBe(403);
    expect((await auditor.fetch('/api/audit-schedules', { method: 'POST', json: { checklist: 'records-destruction' } })).status).toBe(400);
    const bad = await auditor.fetch('/api/audit-schedules', { method: 'POST', json: { checklist: 'records-destruction', site: 'Records room', auditor: auditorEmail, everyMonths: 3, firstDueAt: '2026-02-30' } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatch(/date/);
  });

  it('opens the draft from `lms programme run --now`, once, shows it overdue after its due date, and lists it on /audits', async () => {
    const res = await auditor.fetch('/api/audit-schedules', { method: 'POST', json: { checklist: 'records-destruction', site: 'Records room', auditor: auditorEmail, everyMonths: 3, firstDueAt: '2031-01-31' } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const early = await lms(['programme', 'run', '--now', '2031-01-16T00:00:00Z']);
    expect(early.code).toBe(0);
    expect(early.out).toContain('Opened 0 scheduled draft(s)');
    const first = await lms(['programme', 'run', '--now', '2031-01-18T00:00:00Z']);
    expect(first.out).toContain('Opened 1 scheduled draft(s)');
    expect((await lms(['programme', 'run', '--now', '2031-01-19T00:00:00Z'])).out).toContain('Opened 0 scheduled draft(s)');
    expect((await lms(['programme', 'run', '--now', 'yesterday'])).code).toBe(2);
    const drafts = await server.db.select().from(audits).where(eq(audits.scheduleId, id));
    expect(drafts).toHaveLength(1);
    const list = (await (await auditor.fetch('/api/audit-schedules')).json()) as Array<{ id: string; nextDueAt: string; overdue: boolean; draftAuditId: string }>;
    const mine = list.find((s) => s.id === id)!;
    expect(mine).toMatchObject({ nextDueAt: '2031-01-31T09:00:00.000Z', overdue: false, draftAuditId: drafts[0]!.id });
    const page = await (await auditor.fetch('/audits')).text();
    expect(page).toContain('data-testid="scheduled-audits"');
    expect(page).toContain(drafts[0]!.id);

    // a schedule whose first due date has passed is overdue at once, on the API and on /audits
    const late = await auditor.fetch('/api/audit-schedules', { method: 'POST', json: { checklist: 'emergency-drill', site: 'Records room', auditor: auditorEmail, everyMonths: 6, firstDueAt: day(Date.now() - 3 * DAY) } });
    const lateId = ((await late.json()) as { id: string }).id;
    const again = (await (await auditor.fetch('/api/audit-schedules')).json()) as Array<{ id: string; overdue: boolean }>;
    expect(again.find((s) => s.id === lateId)!.overdue).toBe(true);
    const audPage = await (await auditor.fetch('/audits')).text();
    expect(audPage).toContain('data-testid="overdue-schedules"');
    expect(await (await auditor.fetch('/zh-cn/audits/schedules')).text()).toContain('已逾期');

    // changing and ending keep the history
    const patched = await auditor.fetch(`/api/audit-schedules/${lateId}`, { method: 'PATCH', json: { everyMonths: 12 } });
    expect([patched.status, await patched.text()]).toEqual([200, '{"ok":true}']);
    // like every non-GET from outside a browser, a DELETE names a non-form content type (Astro refuses cross-site form requests)
    const del = { method: 'DELETE', headers: { 'content-type': 'application/json' } };
    expect((await auditor.fetch(`/api/audit-schedules/${lateId}`, del)).status).toBe(200);
    expect((await auditor.fetch(`/api/audit-schedules/${lateId}`, del)).status).toBe(409);
    const ended = ((await (await auditor.fetch('/api/audit-schedules')).json()) as Array<{ id: string; active: boolean; history: Array<{ kind: string }> }>).find((s) => s.id === lateId)!;
    expect(ended.active).toBe(false);
    expect(ended.history.map((h) => h.kind)).toEqual(['created', 'changed', 'ended']);
  });
});

describe('two app servers on one database', { timeout: 180_000 }, () => {
  it('open each scheduled draft exactly once over many scheduler passes', async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'two-'));
    // schedulers every 150 ms: in a few seconds each server runs dozens of passes (the "a minute", shortened)
    const env = { LMS_PROGRAMME_INTERVAL_MS: '150' };
    const a = await startServer({ dataDir, env });
    const b = await startServer({ dataDir, env });
    try {
      const who = await a.user('auditor');
      const c = await a.login(who);
      expect((await c.fetch('/api/sites', { method: 'POST', json: { name: 'Branch' } })).status).toBe(201);
      // due in 10 days: inside the 14-day lead, so the drafts open on the next pass; monthly from 40 days ago: two more missed dates
      const ids: string[] = [];
      for (const [checklist, first, every] of [['records-destruction', Date.now() + 10 * DAY, 3], ['emergency-drill', Date.now() - 40 * DAY, 1]] as const) {
        const r = await c.fetch('/api/audit-schedules', { method: 'POST', json: { checklist, site: 'Branch', auditor: who.email, everyMonths: every, firstDueAt: day(first) } });
        ids.push(((await r.json()) as { id: string }).id);
      }
      await new Promise((r) => setTimeout(r, 5000));
      const count = async (id: string) => (await a.db.select().from(audits).where(eq(audits.scheduleId, id))).length;
      expect(await count(ids[0]!)).toBe(1);
      // the monthly one: 40 days ago and about 10 days ago; the next, about 20 days ahead, opens in about 6 days
      expect(await count(ids[1]!)).toBe(2);
      const dues = (await a.db.select({ dueAt: audits.dueAt }).from(audits).where(eq(audits.scheduleId, ids[1]!))).map((r) => r.dueAt);
      expect(new Set(dues).size).toBe(2);
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});

describe('the evidence pack and trends over HTTP', { timeout: 120_000 }, () => {
  it('gives hr a signed pack that pdfsig and /verify accept; employees 403; bad periods 400 or 422', async () => {
    const to = day(Date.now());
    const from = day(Date.now() - 90 * DAY);
    const res = await hr.fetch(`/api/evidence-pack.pdf?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    const file = path.join(tmp, 'pack.pdf');
    fs.writeFileSync(file, bytes);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toMatch(/Signature is Valid/);
    const verify = await server.anonymous().fetch('/api/reports/verify', { method: 'POST', body: bytes, headers: { 'content-type': 'application/pdf' } });
    expect(await verify.json()).toMatchObject({ valid: true, kind: 'evidence_pack' });
    expect((await employee.fetch(`/api/evidence-pack.pdf?from=${from}&to=${to}`)).status).toBe(403);
    expect((await hr.fetch('/api/evidence-pack.pdf')).status).toBe(400);
    expect((await hr.fetch(`/api/evidence-pack.pdf?from=${to}&to=${from}`)).status).toBe(422);
  });

  it('shows the live training figures on a client-data-handling draft, per department and course', async () => {
    const hrUser = await server.user('hr');
    const hrClient = await server.login(hrUser);
    for (const name of ['Ana', 'Ben']) await server.user('employee', { name, department: 'Evidence dept' });
    const assigned = await hrClient.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'confidentiality', department: 'Evidence dept', dueAt: day(Date.now() + 20 * DAY) } });
    expect(assigned.status).toBe(201);
    expect(await assigned.json()).toMatchObject({ assigned: 2 });
    const { id } = (await (await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'client-data-handling', title: 'Client data' } })).json()) as { id: string };
    const page = await (await auditor.fetch(`/audits/${id}`)).text();
    expect(page).toContain('data-testid="training-evidence" data-frozen="false"');
    // both due in 20 days and not done: 0% done, 0% overdue, of 2
    expect(page).toMatch(/Evidence dept<\/th><td>0% done · 0% overdue \(2\)/);
    const other = (await (await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: 'No training items' } })).json()) as { id: string };
    expect(await (await auditor.fetch(`/audits/${other.id}`)).text()).not.toContain('data-testid="training-evidence"');
  });

  it('draws trends as SVG with no script, with a table of the same numbers, in both languages', async () => {
    const page = await (await auditor.fetch('/audits/trends')).text();
    expect(page).toContain('data-testid="trend-completion"');
    expect(page).toContain('data-testid="evidence-pack-form"');
    const zh = await (await hr.fetch('/zh-cn/hr')).text();
    expect(zh).toContain('培训完成率趋势');
    expect(zh).toContain('证据包');
    expect((await employee.fetch('/audits/trends')).status).toBe(403);
  });
});
