// The corrective-action tracker over HTTP against the built server: the workflow and its refusals
// (illegal moves 422 naming the allowed ones, reviewers' moves 403 to owners, other people's actions
// 404), comments, evidence, the CSV export, actions added by hand, the pages' forms, and the
// follow-up report checked with poppler's pdfsig and the public verify endpoint.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChecklist } from '../../src/lib/content/catalog.ts';
import { parseCsv } from '../../src/lib/reports/csv.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f7c4a00000000049454e44ae426082', 'hex');
const checklist = getChecklist('emergency-drill', 'en')!;
const items = checklist.sections.flatMap((s) => s.items);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-actions-http-'));

type ActionRow = { id: string; auditId: string; itemId: string | null; title: string; severity: string; status: string; owner: { id: string; email: string } | null; dueAt: number; overdue: boolean };

let server: TestServer;
let auditor: Client;
let admin: Client;
let ann: Client;
let bob: Client;
let annEmail: string;
let bobEmail: string;
let auditId: string;
let actions: ActionRow[];

const patch = (c: Client, id: string, body: unknown) => c.fetch(`/api/actions/${id}`, { method: 'PATCH', json: body });
async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  server = await startServer();
  const a = await server.user('auditor', { name: 'Audrey Auditor' });
  auditor = await server.login(a);
  admin = await server.login(await server.user('admin'));
  const annUser = await server.user('employee', { name: 'Ann Able' });
  const bobUser = await server.user('employee', { name: 'Bob Baker' });
  annEmail = annUser.email;
  bobEmail = bobUser.email;
  ann = await server.login(annUser);
  bob = await server.login(bobUser);

  // an audit with four failures, signed through the API
  const started = await body<{ id: string }>(await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: checklist.slug, title: 'Spring drill', site: 'HQ' } }), 201);
  auditId = started.id;
  for (const [i, item] of items.entries()) {
    const res = await auditor.fetch(`/api/audits/${auditId}/responses/${item.id}`, { method: 'PUT', json: { result: i < 4 ? 'fail' : 'pass', note: i < 4 ? `Gap seen at ${item.id}` : '' } });
    expect(res.status).toBe(200);
  }
  await body(await auditor.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: a.password } }), 200);
  actions = (await body<ActionRow[]>(await auditor.fetch(`/api/actions?audit=${auditId}&sort=title`), 200));
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the actions API', () => {
  it('lists the actions raised at signing, open and unassigned, for auditors; an employee sees none of them', async () => {
    expect(actions).toHaveLength(4);
    expect(actions.every((a) => a.status === 'open' && a.owner === null && a.auditId === auditId)).toBe(true);
    expect(await body(await ann.fetch('/api/actions'), 200)).toEqual([]);
    expect((await ann.fetch(`/api/actions/${actions[0]!.id}`)).status).toBe(404);
  });

  it('lets an auditor assign by email and move the due date; an employee may not', async () => {
    const [a0, a1, a2] = actions;
    expect((await patch(ann, a0!.id, { owner: annEmail })).status).toBe(403);
    await body(await patch(auditor, a0!.id, { owner: annEmail, dueAt: '2020-01-31' }), 200);
    await body(await patch(auditor, a1!.id, { owner: annEmail }), 200);
    await body(await patch(auditor, a2!.id, { owner: bobEmail }), 200);
    expect((await patch(auditor, a0!.id, { owner: 'nobody@nowhere.example' })).status).toBe(422);
    expect((await patch(auditor, a0!.id, { dueAt: 'soon' })).status).toBe(400);
    expect((await patch(auditor, a0!.id, {})).status).toBe(400);
    expect((await patch(auditor, a0!.id, { status: 'closed' })).status).toBe(400);

    const mine = await body<ActionRow[]>(await ann.fetch('/api/actions'), 200);
    expect(mine.map((a) => a.id).sort()).toEqual([a0!.id, a1!.id].sort());
    const overdue = await body<ActionRow[]>(await ann.fetch('/api/actions?overdue=1'), 200);
    expect(overdue.map((a) => a.id)).toEqual([a0!.id]);
    expect((await ann.fetch('/api/actions?status=nonsense')).status).toBe(400);
  });

  it("hides one employee's action from another: 404 to read, change or comment on it", async () => {
    const annsAction = actions[0]!.id;
    expect((await bob.fetch(`/api/actions/${annsAction}`)).status).toBe(404);
    expect((await patch(bob, annsAction, { status: 'in_progress' })).status).toBe(404);
    expect((await bob.fetch(`/api/actions/${annsAction}/comments`, { method: 'POST', json: { text: 'hello' } })).status).toBe(404);
    expect((await bob.fetch('/api/actions')).status).toBe(200);
    expect((await body<ActionRow[]>(await bob.fetch(`/api/actions?owner=${encodeURIComponent(annEmail)}`), 200)).map((a) => a.owner?.email)).toEqual([bobEmail]);
  });

  it('answers an illegal transition with 422 naming the allowed moves, and a reviewer-only move with 403', async () => {
    const id = actions[0]!.id;
    const illegal = await body<{ error: string; details: { from: string; to: string; allowed: string[] } }>(await patch(ann, id, { status: 'verified' }), 422);
    expect(illegal.details).toEqual({ from: 'open', to: 'verified', allowed: ['in_progress'] });
    expect(illegal.error).toContain('in_progress');

    await body(await patch(ann, id, { status: 'in_progress', comment: 'On it' }), 200);
    expect((await patch(ann, id, { status: 'resolved' })).status).toBe(422); // a fix must be described
    const resolved = await body<{ status: string }>(await patch(ann, id, { status: 'resolved', comment: 'Plan re-approved by the board' }), 200);
    expect(resolved.status).toBe('resolved');

    // an employee cannot verify or reject: 403, and the details say nothing is open to them now
    const verify = await body<{ details: { allowed: string[] } }>(await patch(ann, id, { status: 'verified' }), 403);
    expect(verify.details.allowed).toEqual([]);
    expect((await patch(ann, id, { status: 'in_progress', comment: 'undo' })).status).toBe(403);
    const detail = await body<{ action: { status: string }; moves: Array<{ name: string }> }>(await auditor.fetch(`/api/actions/${id}`), 200);
    expect(detail.action.status).toBe('resolved');
    expect(detail.moves.map((m) => m.name)).toEqual(['verify', 'reopen']);
  });

  it('takes comments with 201 and evidence files from the owner, which the owner and auditors can download', async () => {
    const id = actions[1]!.id;
    const comment = await body<{ id: number; comment: string }>(await ann.fetch(`/api/actions/${id}/comments`, { method: 'POST', json: { text: '  Ordering new signs  ' } }), 201);
    expect(comment.comment).toBe('Ordering new signs');
    expect((await ann.fetch(`/api/actions/${id}/comments`, { method: 'POST', json: { text: '   ' } })).status).toBe(422);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'sign.png');
    const stored = await body<{ id: string; url: string; sha256: string }>(await ann.fetch(`/api/actions/${id}/evidence`, { method: 'POST', body: form, headers: { origin: server.url } }), 201);
    expect((await ann.fetch(stored.url)).status).toBe(200);
    expect((await auditor.fetch(stored.url)).status).toBe(200);
    expect((await bob.fetch(stored.url)).status).toBe(403);
    const fake = new FormData();
    fake.append('file', new Blob(['MZ not an image'], { type: 'image/png' }), 'x.png');
    expect((await ann.fetch(`/api/actions/${id}/evidence`, { method: 'POST', body: fake, headers: { origin: server.url } })).status).toBe(415);
    expect((await bob.fetch(`/api/actions/${id}/evidence`, { method: 'POST', body: form, headers: { origin: server.url } })).status).toBe(404);

    const detail = await body<{ events: Array<{ kind: string; actor: { email: string } }>; evidence: Array<{ id: string }> }>(await ann.fetch(`/api/actions/${id}`), 200);
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'owner', 'comment', 'evidence']);
    expect(detail.events.at(-1)!.actor.email).toBe(annEmail);
    expect(detail.evidence.map((e) => e.id)).toEqual([stored.id]);
  });

  it('lets an auditor add an action by hand to a signed audit only', async () => {
    const made = await body<{ id: string }>(await auditor.fetch(`/api/audits/${auditId}/actions`, { method: 'POST', json: { title: '=1+2 fire extinguisher out of date', severity: 'critical', owner: bobEmail } }), 201);
    const detail = await body<{ action: { itemId: string | null; severity: string; dueAt: number; createdAt: number } }>(await bob.fetch(`/api/actions/${made.id}`), 200);
    expect(detail.action).toMatchObject({ itemId: null, severity: 'critical' });
    expect(detail.action.dueAt - detail.action.createdAt).toBe(7 * 24 * 60 * 60 * 1000);
    expect((await ann.fetch(`/api/audits/${auditId}/actions`, { method: 'POST', json: { title: 'x', severity: 'low' } })).status).toBe(403);
    const draft = await body<{ id: string }>(await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: checklist.slug, title: 'Draft' } }), 201);
    expect((await auditor.fetch(`/api/audits/${draft.id}/actions`, { method: 'POST', json: { title: 'x', severity: 'low' } })).status).toBe(409);
    expect((await auditor.fetch(`/api/audits/${auditId}/actions`, { method: 'POST', json: { title: 'x', severity: 'urgent' } })).status).toBe(400);
  });

  it('exports CSV with a BOM and formula-guarded cells, only the rows the caller may see', async () => {
    const res = await auditor.fetch('/api/actions.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]![0]).toBe('id');
    expect(rows).toHaveLength(1 + 5);
    expect(rows.map((r) => r[4]).find((t) => t?.includes('extinguisher'))).toBe("'=1+2 fire extinguisher out of date");
    const bobs = parseCsv(Buffer.from(await (await bob.fetch('/api/actions.csv')).arrayBuffer()).toString('utf8'));
    expect(bobs.slice(1).map((r) => r[7])).toEqual([bobEmail, bobEmail]);
  });

  it('records every change in the audit log', async () => {
    const rows = await server.db.all<{ action: string; n: number }>(sql`select action, count(*) as n from audit_log where action like 'action.%' group by action`);
    const counts = Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
    // three assignments, start, resolve, an upload
    expect(counts['action.update']).toBe(6);
    expect(counts['action.comment']).toBe(1);
    expect(counts['action.create']).toBe(1);
  });
});

describe('the action page', () => {
  it('shows an owner only the moves they may make, and takes plain form posts', async () => {
    const id = actions[1]!.id;
    const html = await (await ann.fetch(`/actions/${id}`)).text();
    expect(html).toContain('data-testid="move-start"');
    expect(html).not.toContain('data-testid="move-verify"');
    expect(html).not.toContain('data-testid="manage-form"');
    expect(html).toContain(items[1]!.text);
    expect(html).toContain(`Gap seen at ${items[1]!.id}`);
    const form = new URLSearchParams({ intent: 'start', from: 'open', comment: '' });
    const res = await ann.fetch(`/actions/${id}`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(res.status).toBe(303);
    // a stale form (the page still said open) is refused rather than applied to the new state
    const stale = await ann.fetch(`/actions/${id}`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(stale.status).toBe(409);
    const after = await (await ann.fetch(`/actions/${id}`)).text();
    expect(after).toContain('data-testid="move-resolve"');
    expect((await bob.fetch(`/actions/${id}`)).status).toBe(404);
    // overdue: past due and still with its owner; a resolved action past its date is not
    await body(await patch(auditor, actions[2]!.id, { dueAt: '2020-06-30' }), 200);
    const list = await (await auditor.fetch('/actions?overdue=1')).text();
    expect(list).toContain(`data-testid="action-${actions[2]!.id}"`);
    expect(list).not.toContain(`data-testid="action-${actions[0]!.id}"`);
    expect(list).toContain('data-testid="count-overdue">1<');
  });

  it('lets an auditor add an action by hand through /actions/new, which the permission table refuses employees', async () => {
    expect((await ann.fetch('/actions/new')).status).toBe(403);
    const page = await (await auditor.fetch(`/actions/new?audit=${auditId}`)).text();
    expect(page).toContain('data-testid="new-action"');
    const form = new URLSearchParams({ audit: auditId, title: 'Visitor log left at reception', detail: 'Seen on the walk-round', severity: 'low', owner: '', dueAt: '' });
    const res = await auditor.fetch('/actions/new', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/actions\/[a-z0-9]+\?done=created$/);
    const created = await (await auditor.fetch(location)).text();
    expect(created).toContain('Visitor log left at reception');
    expect(created).toContain('The action was added.');
  });

  it('works in Chinese under /zh-cn, forms included', async () => {
    const id = actions[1]!.id;
    const html = await (await ann.fetch(`/zh-cn/actions/${id}`)).text();
    expect(html).toContain('更新此事项');
    expect(html).toContain('标记为已整改');
    const form = new URLSearchParams({ intent: 'comment', from: 'in_progress', comment: '正在处理' });
    const res = await ann.fetch(`/zh-cn/actions/${id}`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/zh-cn/actions/${id}?done=comment`);
    const after = await (await ann.fetch(`/zh-cn/actions/${id}?done=comment`)).text();
    expect(after).toContain('已添加您的评论');
    expect(after).toContain('正在处理');
    const refused = await ann.fetch(`/zh-cn/actions/${id}`, { method: 'POST', body: new URLSearchParams({ intent: 'resolve', from: 'in_progress', comment: '' }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('请在评论中说明整改措施');
  });
});

describe('the follow-up report', () => {
  it('is a new signed PDF that pdfsig accepts and /api/reports/verify recognises as a follow-up report', async () => {
    const res = await auditor.fetch(`/api/audits/${auditId}/follow-up.pdf`, { method: 'POST', headers: { origin: server.url } });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const file = path.join(tmp, 'follow-up.pdf');
    fs.writeFileSync(file, pdf);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
    const verified = await body<{ valid: boolean; kind: string; id: string }>(await server.anonymous().fetch('/api/reports/verify', { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf' } }), 200);
    expect(verified).toMatchObject({ valid: true, kind: 'follow_up_report', id: auditId });
    const again = Buffer.from(await (await auditor.fetch(`/api/audits/${auditId}/follow-up.pdf`)).arrayBuffer());
    expect(again.equals(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Plan re-approved by the board');
    expect(text).toContain('days overdue');
    expect(text).toContain('Not closed');

    expect((await ann.fetch(`/api/audits/${auditId}/follow-up.pdf`, { method: 'POST', headers: { origin: server.url } })).status).toBe(403);
    const audit = await body<{ actions: unknown[] }>(await admin.fetch(`/api/audits/${auditId}`), 200);
    expect(audit.actions.length).toBe(6); // four from signing, two added by hand
    const state = await body<{ closure: { closed: boolean }; followUps: unknown[] }>(await auditor.fetch(`/api/audits/${auditId}/actions`), 200);
    expect(state.closure.closed).toBe(false);
    expect(state.followUps).toHaveLength(1);
  });
});
