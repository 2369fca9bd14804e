// Names, notes and comments with HTML, script or spreadsheet formulas in them are shown as text
// everywhere: pages, PDFs and CSV exports.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItems } from '../support/quiz.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

const evilName = '<img src=x onerror=alert(1)>Mallory';
const evilNote = '<script>alert("note")</script>';
const formulaName = '=HYPERLINK("http://evil.example","click")';

let server: TestServer;
let admin: Client;
let hr: Client;
let auditor: Client;
let evil: { id: string; email: string; password: string };
let formula: { id: string; email: string };
let auditId: string;
let actionId: string;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(await server.user('admin'));
  hr = await server.login(await server.user('hr'));
  const a = await server.user('auditor');
  auditor = await server.login(a);
  evil = await server.user('employee', { name: evilName, department: '<b>Dept</b>' });
  formula = await server.user('employee', { name: formulaName });
  expect((await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'confidentiality', emails: [evil.email, formula.email], dueAt: Date.now() + 86_400_000 } })).status).toBe(201);

  auditId = ((await (await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: `<i>Title</i>${evilNote}`, site: evilNote } })).json()) as { id: string }).id;
  const items = checklistItems('records-destruction');
  for (const [i, item] of items.entries()) await auditor.fetch(`/api/audits/${auditId}/responses/${item.id}`, { method: 'PUT', json: { result: i === 0 ? 'fail' : 'pass', note: evilNote } });
  const signed = await auditor.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: a.password, statement: evilNote } });
  expect(signed.status).toBe(200);
  const actions = (await (await auditor.fetch(`/api/actions?audit=${auditId}`)).json()) as { id: string }[];
  actionId = actions[0]!.id;
  await auditor.fetch(`/api/actions/${actionId}/comments`, { method: 'POST', json: { text: evilNote } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const html = async (c: Client, p: string) => {
  const res = await c.fetch(p);
  expect(res.status).toBe(200);
  return res.text();
};

describe('hostile text', () => {
  it('is escaped on the admin, HR and transcript pages', async () => {
    for (const [c, p] of [[admin, `/admin?q=Mallory`], [hr, `/hr/people/${evil.id}`], [hr, '/hr/people?course=confidentiality']] as const) {
      const page = await html(c, p);
      expect(page).not.toContain('<img src=x');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;Mallory');
    }
  });

  it('is escaped on the audit and action pages', async () => {
    for (const p of [`/audits/${auditId}`, `/actions/${actionId}`, '/audits', '/actions']) {
      const page = await html(auditor, p);
      expect(page).not.toContain('<script>alert("note")');
      expect(page).not.toContain('<i>Title</i>');
    }
  });

  it('is printed literally in the signed PDF report', async () => {
    const res = await auditor.fetch(`/api/audits/${auditId}/report.pdf`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lms-esc-')), 'r.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('<script>alert("note")</script>');
  });

  it('is defused in CSV exports, so a spreadsheet never runs a formula', async () => {
    const csv = await (await hr.fetch('/api/hr/completions.csv')).text();
    const line = csv.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    // fetch's text() drops a byte-order mark, so look at the bytes Excel will see
    const actionsCsv = Buffer.from(await (await auditor.fetch('/api/actions.csv')).arrayBuffer());
    expect([...actionsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(actionsCsv.toString('utf8')).not.toMatch(/\n=|,=/);
  });
});
