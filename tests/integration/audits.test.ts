// The audit API over HTTP against the built server: filling, evidence, signing, the signed PDF
// (checked with poppler's pdfsig and pdftoppm, independent of our code) and verification.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChecklist } from '../../src/lib/content/catalog.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f7c4a00000000049454e44ae426082', 'hex');
const checklist = getChecklist('emergency-drill', 'en')!;
const items = checklist.sections.flatMap((s) => s.items);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-audit-http-'));

let server: TestServer;
let auditor: Client;
let otherAuditor: Client;
let employee: Client;
let password: string;
let auditorName: string;

beforeAll(async () => {
  server = await startServer();
  const a = await server.user('auditor', { name: 'Audrey Auditor' });
  password = a.password;
  auditorName = 'Audrey Auditor';
  auditor = await server.login(a);
  otherAuditor = await server.login(await server.user('auditor'));
  employee = await server.login(await server.user('employee'));
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const put = (c: Client, auditId: string, itemId: string, body: unknown) => c.fetch(`/api/audits/${auditId}/responses/${itemId}`, { method: 'PUT', json: body });
const sign = (c: Client, auditId: string, body: unknown) => c.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: body });
function upload(c: Client, auditId: string, itemId: string, name: string, bytes: Buffer, type = 'image/png') {
  const form = new FormData();
  form.append('itemId', itemId);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  // a browser sends its origin with a form post; Astro refuses cross-site form posts without it
  return c.fetch(`/api/audits/${auditId}/evidence`, { method: 'POST', body: form, headers: { origin: server.url } });
}
async function startAudit(title: string): Promise<string> {
  const res = await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: checklist.slug, title, site: 'Drill room' } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
/** Answers every item: the first fails (with a note), the second is partial (with a note), the third n.a., the rest pass. */
async function answerAll(auditId: string): Promise<void> {
  await Promise.all(items.map((item, i) => put(auditor, auditId, item.id, { result: ['fail', 'partial', 'na'][i] ?? 'pass', note: i < 2 ? `Seen: ${item.id}` : '' })));
}
const pdfsig = (file: string) => execFileSync('pdfsig', [file], { encoding: 'utf8' });

describe('the audit API', () => {
  it('lists checklist templates for auditors only', async () => {
    const res = await auditor.fetch('/api/checklists');
    expect(res.status).toBe(200);
    const all = (await res.json()) as Array<{ slug: string; sections: Array<{ items: unknown[] }> }>;
    expect(all.find((c) => c.slug === 'client-data-handling')!.sections.flatMap((s) => s.items)).toHaveLength(128); // the 120 points of the source and 8 controls added for issue 11
    expect((await employee.fetch('/api/checklists')).status).toBe(403);
    expect((await employee.fetch('/api/audits', { method: 'POST', json: { checklist: checklist.slug, title: 'x' } })).status).toBe(403);
  });

  it('keeps only its own auditor writing: another auditor and an employee get 403', async () => {
    const id = await startAudit('Access');
    expect((await put(otherAuditor, id, items[0]!.id, { result: 'pass' })).status).toBe(403);
    expect((await put(employee, id, items[0]!.id, { result: 'pass' })).status).toBe(403);
    expect((await upload(otherAuditor, id, items[0]!.id, 'a.png', PNG)).status).toBe(403);
    expect((await sign(otherAuditor, id, { password: 'whatever-password' })).status).toBe(403);
    expect((await otherAuditor.fetch(`/api/audits/${id}`)).status).toBe(200); // any auditor may read
    const page = await (await otherAuditor.fetch(`/audits/${id}`)).text();
    expect(page).toContain('Only its auditor');
    expect(page).not.toContain('astro-island');
    expect((await employee.fetch(`/audits/${id}`)).status).toBe(403);
    expect((await put(auditor, id, 'no-such-item', { result: 'pass' })).status).toBe(404);
    expect((await put(auditor, id, items[0]!.id, { result: 'maybe' })).status).toBe(400);
  });

  it('keeps both of two items edited at the same moment', async () => {
    const id = await startAudit('Two tabs');
    const [a, b] = await Promise.all([put(auditor, id, items[0]!.id, { result: 'pass' }), put(auditor, id, items[1]!.id, { result: 'fail', note: 'x' })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const audit = (await (await auditor.fetch(`/api/audits/${id}`)).json()) as { responses: Record<string, { result: string }> };
    expect(audit.responses[items[0]!.id]!.result).toBe('pass');
    expect(audit.responses[items[1]!.id]!.result).toBe('fail');
  });

  it('refuses evidence that is not an image or PDF whatever its name, and files over 10 MB', async () => {
    const id = await startAudit('Evidence');
    const text = await upload(auditor, id, items[0]!.id, 'photo.png', Buffer.from('this is plain text, not a photo'));
    expect(text.status).toBe(415);
    expect((await text.json()).error).toMatch(/JPEG|PNG|PDF/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 10);
    PNG.copy(big);
    expect((await upload(auditor, id, items[0]!.id, 'big.png', big)).status).toBe(413);
    const ok = await upload(auditor, id, items[0]!.id, 'C:\\camera\\room.png', PNG, 'application/octet-stream');
    expect(ok.status).toBe(201);
    const stored = (await ok.json()) as { id: string; sha256: string; mimeType: string; fileName: string };
    expect(stored).toMatchObject({ mimeType: 'image/png', fileName: 'room.png', sha256: crypto.createHash('sha256').update(PNG).digest('hex') });
    const back = await auditor.fetch(`/api/evidence/${stored.id}`);
    expect(back.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await back.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await employee.fetch(`/api/evidence/${stored.id}`)).status).toBe(403);
    expect((await server.anonymous().fetch(`/api/evidence/${stored.id}`)).status).toBe(401);
  });
});

describe('signing over HTTP, and the signed report', () => {
  let auditId: string;
  let signed: { sha256: string; reportUrl: string; verificationCode: string };
  let reportFile: string;
  let tamperedFile: string;

  beforeAll(async () => {
    auditId = await startAudit('Annual evacuation drill');
    expect((await upload(auditor, auditId, items[0]!.id, 'exit.png', PNG)).status).toBe(201);
  });

  it('answers 422 with the unanswered and note-less item ids while the audit is incomplete', async () => {
    await put(auditor, auditId, items[0]!.id, { result: 'fail' });
    const res = await sign(auditor, auditId, { password });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { details: { unanswered: string[]; missingNotes: string[] } };
    expect(body.details.unanswered).toEqual(items.slice(1).map((i) => i.id));
    expect(body.details.missingNotes).toEqual(items[0]!.evidence === 'required' ? [items[0]!.id] : []);
  });

  it('answers 401 to a wrong password and leaves the audit a draft', async () => {
    await answerAll(auditId);
    expect((await sign(auditor, auditId, { password: 'not-my-password' })).status).toBe(401);
    expect(((await (await auditor.fetch(`/api/audits/${auditId}`)).json()) as { audit: { status: string } }).audit.status).toBe('draft');
  });

  it('signs once: 200 with the report URL and SHA-256, then the audit is locked (edits, evidence and a second signing get 409)', async () => {
    const res = await sign(auditor, auditId, { password });
    expect(res.status).toBe(200);
    signed = await res.json();
    expect(signed.reportUrl).toBe(`/api/audits/${auditId}/report.pdf`);
    expect(signed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await sign(auditor, auditId, { password })).status).toBe(409);
    expect((await put(auditor, auditId, items[3]!.id, { result: 'fail', note: 'late' })).status).toBe(409);
    expect((await upload(auditor, auditId, items[3]!.id, 'late.png', PNG)).status).toBe(409);
    const audit = (await (await auditor.fetch(`/api/audits/${auditId}`)).json()) as { audit: { status: string }; actions: Array<{ itemId: string; severity: string; status: string }> };
    expect(audit.audit.status).toBe('signed');
    expect(audit.actions.map((a) => a.itemId).sort()).toEqual([items[0]!.id, items[1]!.id].sort());
    expect(audit.actions.every((a) => a.status === 'open')).toBe(true);
  });

  it('serves identical report bytes on every download, whose SHA-256 is the one returned at signing', async () => {
    const first = Buffer.from(await (await auditor.fetch(signed.reportUrl)).arrayBuffer());
    const second = await otherAuditor.fetch(signed.reportUrl);
    expect(second.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await second.arrayBuffer()).equals(first)).toBe(true);
    expect(crypto.createHash('sha256').update(first).digest('hex')).toBe(signed.sha256);
    expect((await employee.fetch(signed.reportUrl)).status).toBe(403);
    reportFile = path.join(tmp, 'report.pdf');
    fs.writeFileSync(reportFile, first);
  });

  it('carries a PAdES signature that pdfsig accepts, and rejects after one byte of the signed range changes', () => {
    expect(pdfsig(reportFile)).toContain('Signature Validation: Signature is Valid.');
    const bytes = fs.readFileSync(reportFile);
    const [, gapStart] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)/.exec(bytes.toString('latin1'))!.slice(1).map(Number) as [number, number];
    // a byte of the document information (the title), well inside the first signed range
    const at = bytes.indexOf('Audit report', 0, 'latin1');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(bytes);
    const where = at < gapStart ? at + 1 : Math.floor(gapStart / 2);
    tampered[where] = tampered[where]! ^ 0x01;
    tamperedFile = path.join(tmp, 'tampered.pdf');
    fs.writeFileSync(tamperedFile, tampered);
    const out = pdfsig(tamperedFile);
    expect(out).toContain('Signature #1');
    expect(out).not.toContain('Signature Validation: Signature is Valid.');
  });

  it('renders page 1 with pdftoppm', () => {
    const prefix = path.join(tmp, 'page');
    execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', reportFile, prefix]);
    const png = fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    const image = fs.readFileSync(path.join(tmp, png));
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.length).toBeGreaterThan(20_000); // a drawn page, not a blank one
  });

  it('verifies the report for anyone, and refuses the tampered copy', async () => {
    const anonymous = server.anonymous();
    const ok = await anonymous.fetch('/api/reports/verify', { method: 'POST', body: fs.readFileSync(reportFile), headers: { 'content-type': 'application/pdf' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ valid: true, kind: 'audit_report', id: auditId, signer: auditorName, verificationCode: signed.verificationCode });
    const bad = await anonymous.fetch('/api/reports/verify', { method: 'POST', body: fs.readFileSync(tamperedFile), headers: { 'content-type': 'application/octet-stream' } });
    expect(await bad.json()).toMatchObject({ valid: false, code: 'tampered' });
    const notPdf = await anonymous.fetch('/api/reports/verify', { method: 'POST', body: 'hello', headers: { 'content-type': 'application/pdf' } });
    expect(await notPdf.json()).toMatchObject({ valid: false, code: 'not_pdf' });
  });

  it('shows the verdict on the public /verify page from a plain form upload', async () => {
    const post = (file: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))], { type: 'application/pdf' }), 'report.pdf');
      return server.anonymous().fetch('/verify', { method: 'POST', body: form, headers: { origin: server.url } });
    };
    const good = await post(reportFile);
    expect(good.status).toBe(200);
    const html = await good.text();
    expect(html).toContain('data-valid="true"');
    expect(html).toContain(auditorName);
    const bad = await post(tamperedFile);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('data-valid="false"');
  });
});

describe('ten simultaneous signings over HTTP', () => {
  it('let exactly one succeed; the others get 409 and one report exists', async () => {
    const id = await startAudit('Race');
    await answerAll(id);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => sign(auditor, id, { password }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const rows = await server.db.query.signedDocuments.findMany({ where: (d, { eq }) => eq(d.subjectId, id) });
    expect(rows).toHaveLength(1);
  });
});
