// An auditor in a basement: the audit page opens and records results, notes and photos with the
// browser offline, survives a reload and a browser restart with its queue shown, and on reconnect
// every change reaches the server exactly once. A change made offline to an audit that was signed
// meanwhile is refused and shown with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { appliedChanges, auditLog, auditResponseHistory, evidence, sessions } from '../../db/schema.ts';
import config from '../../playwright.config.ts';
import { startServer, type TestServer } from '../support/server.ts';

const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f7c4a00000000049454e44ae426082', 'hex');
const SECTION = 'plan-and-preparation'; // ed-01 … ed-04 of the emergency-drill checklist

let server: TestServer;
let auditor: { id: string; email: string; password: string };

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
test.beforeAll(async () => {
  server = await startServer();
  auditor = await server.user('auditor', { name: 'Basil Basement' });
});
test.afterAll(async () => {
  await server?.stop();
});

async function launch(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: config.use?.launchOptions?.executablePath,
    args: config.use?.launchOptions?.args,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(auditor.email);
  await page.getByLabel('Password').fill(auditor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function startAudit(page: Page, title: string): Promise<string> {
  const res = await page.request.post(`${server.url}/api/audits`, { data: { checklist: 'emergency-drill', title } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Waits until the service worker controls the page and has kept a copy of it. */
async function waitUntilKept(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => navigator.serviceWorker.controller !== null && (await caches.match(location.origin + location.pathname)) !== undefined), { timeout: 15_000 })
    .toBe(true);
}

const pick = (page: Page, itemId: string, result: string) => page.getByTestId(`item-${itemId}`).getByRole('button', { name: result, exact: true }).click();
const pressed = (page: Page, itemId: string, result: string) => expect(page.getByTestId(`item-${itemId}`).getByRole('button', { name: result, exact: true })).toHaveAttribute('aria-pressed', 'true');

test('results, notes and a photo recorded offline survive a reload and a browser restart, and reach the server once', async () => {
  test.setTimeout(150_000);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-e2e-offline-'));
  let context = await launch(userDataDir);
  let page = context.pages()[0] ?? (await context.newPage());
  await logIn(page);
  const auditId = await startAudit(page, 'Archive basement');
  const auditUrl = `${server.url}/audits/${auditId}`;

  // First visit online: the page is kept; one answer is given while still online.
  await page.goto(`${auditUrl}#section-${SECTION}`);
  await waitUntilKept(page);
  await pick(page, 'ed-04', 'Pass');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // Offline: a photo first, then three results (two with notes).
  await context.setOffline(true);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('camera-ed-01').setInputFiles({ name: 'plan-cover.png', mimeType: 'image/png', buffer: PHOTO });
  await pick(page, 'ed-01', 'Pass');
  await pick(page, 'ed-02', 'Partial');
  await page.getByTestId('item-ed-02').getByLabel('Note').fill('Drill brief has no target times.');
  await pick(page, 'ed-03', 'Fail');
  await page.getByTestId('item-ed-03').getByLabel('Note').fill('Contact list last updated two years ago.');
  await page.getByTestId('item-ed-01').click(); // moves focus out of the note, as a thumb would
  await expect(page.getByTestId('save-status')).toContainText('Offline: 4 change(s) waiting on this device');

  // Meanwhile someone answers ed-05 on the server. The offline reload shows the kept copy, so not this.
  const api = await server.login(auditor);
  expect((await api.fetch(`/api/audits/${auditId}/responses/ed-05`, { method: 'PUT', json: { result: 'pass' } })).status).toBe(200);

  await page.reload();
  await expect(page.getByTestId('save-status')).toContainText('Offline: 4 change(s) waiting on this device');
  await pressed(page, 'ed-01', 'Pass');
  await pressed(page, 'ed-02', 'Partial');
  await pressed(page, 'ed-03', 'Fail');
  await pressed(page, 'ed-04', 'Pass'); // saved online after the copy was kept: known on the device
  await expect(page.getByTestId('item-ed-02').getByLabel('Note')).toHaveValue('Drill brief has no target times.');
  await expect(page.getByTestId('item-ed-01').getByTestId('not-sent')).toBeVisible();
  await expect(page.getByTestId('item-ed-04').getByTestId('not-sent')).toHaveCount(0);
  await expect(page.getByTestId('item-ed-01').getByTestId('waiting-file')).toContainText('plan-cover.png');
  await page.getByRole('link', { name: /All sections/ }).first().click();
  await expect(page.getByTestId('section-detection-and-escalation')).toContainText('0/4'); // ed-05 is not in the kept copy

  // The list of audits opens offline too, and leads to the audit.
  await page.goto(`${server.url}/audits`);
  await page.getByRole('link', { name: 'Archive basement' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Offline: 4 change(s) waiting on this device');

  // Signing needs the server to check the password: it says so instead of trying.
  await page.goto(`${auditUrl}#sign`);
  await expect(page.getByTestId('sign-offline')).toContainText('Signing needs a connection');
  await expect(page.getByRole('button', { name: 'Sign and lock the audit' })).toBeDisabled();

  // Close the browser, open it again, still offline: the queue is still there.
  await context.close();
  context = await launch(userDataDir);
  await context.setOffline(true);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${auditUrl}#section-${SECTION}`);
  await expect(page.getByTestId('save-status')).toContainText('Offline: 4 change(s) waiting on this device');

  // Back online: everything is sent, once.
  await context.setOffline(false);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await expect(page.getByTestId('item-ed-01').getByRole('img', { name: 'plan-cover.png' })).toBeVisible();

  const detail = (await (await api.fetch(`/api/audits/${auditId}`)).json()) as { responses: Record<string, { result: string; note: string }>; score: { score: number; answered: number } };
  expect(Object.fromEntries(Object.entries(detail.responses).map(([id, r]) => [id, r.result]))).toEqual({ 'ed-01': 'pass', 'ed-02': 'partial', 'ed-03': 'fail', 'ed-04': 'pass', 'ed-05': 'pass' });
  expect(detail.responses['ed-03']!.note).toBe('Contact list last updated two years ago.');
  // pass, partial, fail, pass, pass: (1 + 0.5 + 0 + 1 + 1) / 5 = 70 %
  expect(detail.score).toMatchObject({ score: 70, answered: 5 });

  const history = await server.db.select().from(auditResponseHistory).where(eq(auditResponseHistory.auditId, auditId));
  const perItem = history.reduce<Record<string, number>>((n, h) => ({ ...n, [h.itemId]: (n[h.itemId] ?? 0) + 1 }), {});
  expect(perItem).toEqual({ 'ed-01': 1, 'ed-02': 1, 'ed-03': 1, 'ed-04': 1, 'ed-05': 1 });
  const applied = await server.db.select().from(appliedChanges).where(eq(appliedChanges.auditId, auditId));
  expect(applied.map((a) => `${a.kind}:${a.itemId}`).sort()).toEqual(['evidence:ed-01', 'response:ed-01', 'response:ed-02', 'response:ed-03', 'response:ed-04']);
  expect(await server.db.select().from(evidence).where(eq(evidence.auditId, auditId))).toHaveLength(1);
  // the audit log, in the order the server applied things: the offline results in the order given, then the
  // photo, although it was taken before its item's result
  const log = await server.db.select().from(auditLog).where(eq(auditLog.subjectId, auditId)).orderBy(auditLog.seq);
  const applyOrder = log.filter((e) => e.action === 'audit.response' || e.action === 'audit.evidence').map((e) => `${e.action}:${(JSON.parse(e.details) as { itemId: string }).itemId}`);
  expect(applyOrder).toEqual(['audit.response:ed-04', 'audit.response:ed-05', 'audit.response:ed-01', 'audit.response:ed-02', 'audit.response:ed-03', 'audit.evidence:ed-01']);

  // The page's running score agrees with the server's once reloaded online.
  await page.goto(`${auditUrl}#overview`);
  await page.reload();
  await expect(page.getByTestId('overall-score')).toContainText('70%');
  await expect(page.getByTestId('overall-score')).toContainText('5/20 answered');
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
});

test('a change made offline to an audit signed meanwhile is refused, shown with the reason, and kept until dismissed', async ({ page, context }) => {
  await logIn(page);
  const auditId = await startAudit(page, 'Signed while offline');
  const api = await server.login(auditor);
  const detail = (await (await api.fetch(`/api/audits/${auditId}`)).json()) as { checklist: { sections: Array<{ items: Array<{ id: string }> }> } };
  for (const { id } of detail.checklist.sections.flatMap((s) => s.items)) expect((await api.fetch(`/api/audits/${auditId}/responses/${id}`, { method: 'PUT', json: { result: 'pass' } })).status).toBe(200);

  await page.goto(`${server.url}/audits/${auditId}#section-${SECTION}`);
  await waitUntilKept(page);
  await context.setOffline(true);
  await pick(page, 'ed-02', 'Fail');
  await page.getByTestId('item-ed-02').getByLabel('Note').fill('Brief missing.');
  await page.getByTestId('item-ed-02').click();
  await expect(page.getByTestId('save-status')).toContainText('Offline: 1 change(s) waiting on this device');

  // Meanwhile the audit is signed from another device.
  expect((await api.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: auditor.password } })).status).toBe(200);

  await context.setOffline(false);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'locked', { timeout: 20_000 });
  const refused = page.getByTestId('refused-changes');
  await expect(refused).toContainText('1 change(s) could not be applied');
  await expect(refused.getByTestId('refused-change')).toHaveText('ed-02, result “Fail”: This audit is signed and can no longer change');
  const server02 = (await (await api.fetch(`/api/audits/${auditId}`)).json()) as { responses: Record<string, { result: string }> };
  expect(server02.responses['ed-02']!.result).toBe('pass');

  // Reloaded, the page is the signed audit; the refused change is still listed until dismissed.
  await page.reload();
  await expect(page.getByTestId('audit-status')).toHaveText('Signed');
  await expect(page.getByTestId('refused-changes').getByTestId('refused-change')).toHaveText('ed-02, result “Fail”: This audit is signed and can no longer change');
  await page.getByTestId('refused-changes').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('refused-changes')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('audit-status')).toHaveText('Signed');
  await expect(page.getByTestId('refused-changes')).toBeHidden();
});

test('two devices answer one item: the answer received last stands and the item’s history shows both; lessons stay free of the worker', async ({ browser }) => {
  const laptop = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await logIn(a);
  await logIn(b);
  const auditId = await startAudit(a, 'Two devices');

  // The phone opens the Chinese page first and goes offline in the basement.
  await b.goto(`${server.url}/zh-cn/audits/${auditId}#section-${SECTION}`);
  await waitUntilKept(b);
  expect(await b.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(`${server.url}/zh-cn/audits`);
  await phone.setOffline(true);
  await pick(b, 'ed-01', '不符合');
  await b.getByTestId('item-ed-01').getByLabel('备注').fill('未获批准');
  await b.getByTestId('item-ed-01').click();

  // Meanwhile the laptop answers the same item online.
  await a.goto(`${server.url}/audits/${auditId}#section-${SECTION}`);
  await pick(a, 'ed-01', 'Pass');
  await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // The phone comes back: its answer reaches the server last and stands.
  await phone.setOffline(false);
  await expect(b.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await a.reload();
  await pressed(a, 'ed-01', 'Fail');
  const history = a.getByTestId('history-ed-01');
  await history.getByText('History (2)').click();
  await expect(history.getByTestId('history-entry')).toHaveCount(2);
  await expect(history.getByTestId('history-entry').nth(0)).toContainText('Pass by Basil Basement');
  await expect(history.getByTestId('history-entry').nth(1)).toContainText('Fail by Basil Basement');
  await expect(history.getByTestId('history-entry').nth(1)).toContainText('recorded on the device');
  await expect(history.getByTestId('history-entry').nth(1)).toContainText('未获批准');

  // A lesson page is not controlled by the audit pages' worker and ships no script.
  const lesson = await a.goto(`${server.url}/training/confidentiality/why-it-matters`);
  expect(lesson!.status()).toBe(200);
  expect(await lesson!.text()).not.toMatch(/<script/i);
  expect(await a.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  // Signed out, the next visit to an audit page drops the kept copies: nobody else opens them offline.
  const kept = (url: string) => a.evaluate(async (u) => (await caches.match(u)) !== undefined, url);
  expect(await kept(`${server.url}/audits/${auditId}`)).toBe(true);
  await a.getByRole('button', { name: 'Log out' }).click();
  await expect(a).toHaveURL(/\/login$/);
  await a.goto(`${server.url}/audits/${auditId}`);
  await expect(a).toHaveURL(/\/login\?next=/);
  expect(await kept(`${server.url}/audits/${auditId}`)).toBe(false);
  await laptop.close();
  await phone.close();
});

test('an answer whose reply is lost on the way back is sent again and applied once', async ({ page, context }) => {
  await logIn(page);
  const auditId = await startAudit(page, 'Lost reply');
  let lost = 0;
  // the first PUT reaches the server, but its reply never reaches the page
  await context.route(`**/api/audits/${auditId}/responses/ed-03`, async (route) => {
    if (lost > 0) return route.continue();
    lost += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.goto(`${server.url}/audits/${auditId}#section-${SECTION}`);
  await pick(page, 'ed-03', 'Partial');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  expect(lost).toBe(1);
  const history = await server.db.select().from(auditResponseHistory).where(eq(auditResponseHistory.auditId, auditId));
  expect(history.map((h) => [h.itemId, h.result])).toEqual([['ed-03', 'partial']]);
  const applied = await server.db.select().from(appliedChanges).where(eq(appliedChanges.auditId, auditId));
  expect(applied).toHaveLength(1);
  expect(history[0]!.changeId).toBe(applied[0]!.changeId);
});

test('changes waiting while the session ended are kept, the page says to log in, and they are sent after logging in', async ({ page, context }) => {
  await logIn(page);
  const auditId = await startAudit(page, 'Session ended');
  await page.goto(`${server.url}/audits/${auditId}#section-${SECTION}`);
  await waitUntilKept(page);
  await context.setOffline(true);
  await pick(page, 'ed-04', 'N/A');
  await expect(page.getByTestId('save-status')).toContainText('Offline: 1 change(s) waiting on this device');

  // the session ends on the server (expired, or signed out elsewhere) while the phone is offline
  await server.db.delete(sessions).where(eq(sessions.userId, auditor.id));
  await context.setOffline(false);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'signed-out', { timeout: 20_000 });
  await expect(page.getByTestId('save-status')).toContainText('You were signed out: 1 change(s) kept on this device');

  await page.getByTestId('save-status').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(auditor.email);
  await page.getByLabel('Password').fill(auditor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/audits/${auditId}$`));
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  const history = await server.db.select().from(auditResponseHistory).where(eq(auditResponseHistory.auditId, auditId));
  expect(history.map((h) => [h.itemId, h.result])).toEqual([['ed-04', 'na']]);
});
