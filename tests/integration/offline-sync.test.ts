// Changes sent from a device that was offline, over HTTP against the built server: each change id
// is applied once however often it is sent (a retry after a lost answer, two copies at once), a
// change to an audit signed meanwhile is refused with 409, and two devices answering one item
// leave the last one the server received, with both in the item's history.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appliedChanges, auditLog, auditResponseHistory, evidence } from '../../db/schema.ts';
import { getChecklist } from '../../src/lib/content/catalog.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f7c4a00000000049454e44ae426082', 'hex');
const items = getChecklist('emergency-drill', 'en')!.sections.flatMap((s) => s.items);

let server: TestServer;
let phone: Client;
let tablet: Client; // the same auditor signed in on a second device
let other: Client;
let password: string;

beforeAll(async () => {
  server = await startServer();
  const a = await server.user('auditor', { name: 'Dana Device' });
  password = a.password;
  phone = await server.login(a);
  tablet = await server.login(a);
  other = await server.login(await server.user('auditor'));
});
afterAll(async () => {
  await server?.stop();
});

const put = (c: Client, auditId: string, itemId: string, body: unknown) => c.fetch(`/api/audits/${auditId}/responses/${itemId}`, { method: 'PUT', json: body });
function upload(c: Client, auditId: string, itemId: string, changeId?: string) {
  const form = new FormData();
  form.append('itemId', itemId);
  if (changeId) form.append('changeId', changeId);
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'shelf.png');
  return c.fetch(`/api/audits/${auditId}/evidence`, { method: 'POST', body: form, headers: { origin: server.url } });
}
async function startAudit(title: string): Promise<string> {
  const res = await phone.fetch('/api/audits', { method: 'POST', json: { checklist: 'emergency-drill', title } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const historyOf = (auditId: string, itemId: string) =>
  server.db.select().from(auditResponseHistory).where(and(eq(auditResponseHistory.auditId, auditId), eq(auditResponseHistory.itemId, itemId))).orderBy(auditResponseHistory.id);
const responseLogs = async (auditId: string) => (await server.db.select().from(auditLog).where(and(eq(auditLog.subjectId, auditId), eq(auditLog.action, 'audit.response')))).length;

describe('a change sent more than once', () => {
  it('is applied once when resent after a lost answer, and the resend answers 200 with applied false', async () => {
    const auditId = await startAudit('Resend');
    const change = { result: 'fail', note: 'Plan not approved', changeId: 'c0ffee00-0000-4000-8000-000000000001', recordedAt: Date.UTC(2026, 11, 2, 9, 0) };
    const first = await put(phone, auditId, 'ed-01', change);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ itemId: 'ed-01', result: 'fail', note: 'Plan not approved', applied: true });
    const again = await put(phone, auditId, 'ed-01', change);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ itemId: 'ed-01', result: 'fail', applied: false });
    expect(await historyOf(auditId, 'ed-01')).toHaveLength(1);
    expect(await responseLogs(auditId)).toBe(1);
    expect(await server.db.select().from(appliedChanges).where(eq(appliedChanges.auditId, auditId))).toHaveLength(1);
  });

  it('does not undo a later change when an old one arrives again', async () => {
    const auditId = await startAudit('Late resend');
    const old = { result: 'fail', changeId: 'late-resend-0001' };
    expect((await put(phone, auditId, 'ed-02', old)).status).toBe(200);
    expect((await put(phone, auditId, 'ed-02', { result: 'pass', changeId: 'late-resend-0002' })).status).toBe(200);
    const resent = await put(phone, auditId, 'ed-02', old);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ result: 'pass', applied: false });
    const detail = (await (await phone.fetch(`/api/audits/${auditId}`)).json()) as { responses: Record<string, { result: string }> };
    expect(detail.responses['ed-02']!.result).toBe('pass');
    expect((await historyOf(auditId, 'ed-02')).map((h) => h.result)).toEqual(['fail', 'pass']);
  });

  it('is applied once when ten copies arrive at the same moment', async () => {
    const auditId = await startAudit('Burst');
    const statuses = await Promise.all(Array.from({ length: 10 }, () => put(phone, auditId, 'ed-03', { result: 'partial', note: 'Two numbers wrong', changeId: 'burst-change-0001' }).then((r) => r.status)));
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await historyOf(auditId, 'ed-03')).toHaveLength(1);
    expect(await responseLogs(auditId)).toBe(1);
  });

  it('attaches a photo once however often its upload is sent', async () => {
    const auditId = await startAudit('Photo resend');
    const first = await upload(phone, auditId, 'ed-01', 'photo-change-0001');
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const again = await upload(phone, auditId, 'ed-01', 'photo-change-0001');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(id);
    const burst = await Promise.all(Array.from({ length: 5 }, () => upload(phone, auditId, 'ed-01', 'photo-change-0002').then((r) => r.status)));
    expect(burst.filter((s) => s === 201)).toHaveLength(1);
    expect(burst.filter((s) => s === 200)).toHaveLength(4);
    expect(await server.db.select().from(evidence).where(eq(evidence.auditId, auditId))).toHaveLength(2);
  });

  it('refuses a change id reused for another item or by another person', async () => {
    const auditId = await startAudit('Reused id');
    expect((await put(phone, auditId, 'ed-01', { result: 'pass', changeId: 'reused-change-01' })).status).toBe(200);
    const otherItem = await put(phone, auditId, 'ed-02', { result: 'pass', changeId: 'reused-change-01' });
    expect(otherItem.status).toBe(409);
    expect(await otherItem.json()).toEqual({ error: 'This change id was already used for a different change' });
    expect((await historyOf(auditId, 'ed-02'))).toHaveLength(0);
    // another auditor may not write this audit at all
    expect((await put(other, auditId, 'ed-01', { result: 'fail', changeId: 'reused-change-01' })).status).toBe(403);
  });

  it('refuses a malformed change id with 400 and changes nothing', async () => {
    const auditId = await startAudit('Bad id');
    const res = await put(phone, auditId, 'ed-01', { result: 'pass', changeId: 'no spaces allowed' });
    expect(res.status).toBe(400);
    expect(await historyOf(auditId, 'ed-01')).toHaveLength(0);
    expect((await upload(phone, auditId, 'ed-01', 'x')).status).toBe(400);
  });

  it('still accepts a change without an id, as before', async () => {
    const auditId = await startAudit('No id');
    const res = await put(phone, auditId, 'ed-01', { result: 'na' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ itemId: 'ed-01', result: 'na', note: '' });
    expect(await historyOf(auditId, 'ed-01')).toHaveLength(1);
  });
});

describe('a change to an audit signed meanwhile', () => {
  it('is refused with 409, but a resend of a change applied before signing answers 200', async () => {
    const auditId = await startAudit('Signed meanwhile');
    for (const [i, item] of items.entries()) expect((await put(phone, auditId, item.id, { result: 'pass', changeId: `before-sign-${String(i).padStart(4, '0')}` })).status).toBe(200);
    const signed = await phone.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password } });
    expect(signed.status).toBe(200);

    const late = await put(tablet, auditId, 'ed-01', { result: 'fail', note: 'Seen offline', changeId: 'after-sign-0001' });
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ error: 'This audit is signed and can no longer change' });
    expect((await upload(tablet, auditId, 'ed-01', 'after-sign-0002')).status).toBe(409);

    const resend = await put(phone, auditId, 'ed-01', { result: 'pass', changeId: 'before-sign-0000' });
    expect(resend.status).toBe(200);
    expect(await resend.json()).toMatchObject({ result: 'pass', applied: false });
    expect((await historyOf(auditId, 'ed-01')).map((h) => h.result)).toEqual(['pass']);
    expect(await server.db.select().from(appliedChanges).where(eq(appliedChanges.changeId, 'after-sign-0001'))).toHaveLength(0);
  });
});

describe('two devices answering one item', () => {
  it('keep the answer the server received last, even if it was recorded earlier, and the history shows both', async () => {
    const auditId = await startAudit('Two devices');
    // the tablet answered online at 10:30; the phone had recorded its answer offline at 10:05 and sends it later
    const tabletAt = Date.UTC(2026, 11, 2, 10, 30);
    const phoneAt = Date.UTC(2026, 11, 2, 10, 5);
    expect((await put(tablet, auditId, 'ed-04', { result: 'pass', note: 'Deputies named', changeId: 'tablet-change-01', recordedAt: tabletAt })).status).toBe(200);
    expect((await put(phone, auditId, 'ed-04', { result: 'partial', note: 'Two deputies missing', changeId: 'phone-change-001', recordedAt: phoneAt })).status).toBe(200);

    const detail = (await (await tablet.fetch(`/api/audits/${auditId}`)).json()) as {
      responses: Record<string, { result: string; note: string }>;
      history: Record<string, Array<{ result: string; note: string; byName: string; recordedAt: number | null; receivedAt: number }>>;
    };
    expect(detail.responses['ed-04']).toMatchObject({ result: 'partial', note: 'Two deputies missing' });
    expect(detail.history['ed-04']!.map((h) => [h.result, h.note, h.byName, h.recordedAt])).toEqual([
      ['pass', 'Deputies named', 'Dana Device', tabletAt],
      ['partial', 'Two deputies missing', 'Dana Device', phoneAt],
    ]);
    expect(detail.history['ed-04']![1]!.receivedAt).toBeGreaterThanOrEqual(detail.history['ed-04']![0]!.receivedAt);
    // another auditor reads the draft as a summary, without script: the item's history is there too
    const page = await (await other.fetch(`/audits/${auditId}`)).text();
    expect(page).toContain('data-testid="history-ed-04"');
    expect(page).toContain('History (2)');
    expect(page).toContain('Pass by Dana Device');
    expect(page).toContain('Partial by Dana Device');
  });
});
