// The corrective-action journey on a phone: an auditor signs an audit with failures (through the
// API), assigns the actions to employees in the browser; an employee takes one to resolved with a
// note and a photo; the auditor rejects one fix and verifies another; the overdue list, the audit's
// closure state and the follow-up report show the truth.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { getChecklist } from '../../src/lib/content/catalog.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f7c4a00000000049454e44ae426082', 'hex');
const checklist = getChecklist('emergency-drill', 'en')!;
const items = checklist.sections.flatMap((s) => s.items);
// screenshots for a human to look at; outside test-results, which each Playwright run empties
const shots = process.env.ACTIONS_SHOTS ?? path.join(os.tmpdir(), 'lms-actions-shots');

type Who = { id: string; email: string; password: string };
let server: TestServer;
let auditor: Who;
let ann: Who;
let bob: Who;
let auditorApi: Client;
let auditId: string;
let actionIds: string[]; // in checklist order: ed-01, ed-02, ed-03

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, acceptDownloads: true });
test.beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startServer();
  auditor = await server.user('auditor', { name: 'Audrey Auditor' });
  ann = await server.user('employee', { name: 'Ann Able' });
  bob = await server.user('employee', { name: 'Bob Baker' });
  auditorApi = await server.login(auditor);
  const started = await auditorApi.fetch('/api/audits', { method: 'POST', json: { checklist: checklist.slug, title: 'Autumn evacuation drill', site: 'Head office' } });
  auditId = ((await started.json()) as { id: string }).id;
  for (const [i, item] of items.entries()) {
    await auditorApi.fetch(`/api/audits/${auditId}/responses/${item.id}`, { method: 'PUT', json: { result: i < 3 ? 'fail' : 'pass', note: i < 3 ? `Drill showed a gap: ${item.id}` : '' } });
  }
  expect((await auditorApi.fetch(`/api/audits/${auditId}/sign`, { method: 'POST', json: { password: auditor.password } })).status).toBe(200);
  const list = (await (await auditorApi.fetch(`/api/actions?audit=${auditId}&sort=title`)).json()) as Array<{ id: string }>;
  actionIds = list.map((a) => a.id);
});
test.afterAll(async () => {
  await server?.stop();
});

async function login(page: Page, who: Who) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function assign(page: Page, actionId: string, owner: Who, ownerName: string, due: string) {
  await page.goto(`${server.url}/actions/${actionId}`);
  const form = page.getByTestId('manage-form');
  await form.getByLabel('Owner').selectOption(owner.id);
  await form.getByLabel('Due').fill(due);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('action-done')).toContainText('Owner and due date saved');
  await expect(page.getByTestId('detail-owner')).toHaveText(ownerName);
}

test('an audit’s findings go from open to verified, and every view tells the truth', async ({ browser }) => {
  test.setTimeout(180_000);
  const [a1, a2, a3] = actionIds as [string, string, string];
  const later = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);

  // The auditor assigns the three actions; one of Ann's is already past its date.
  const auditorPage = await (await browser.newContext()).newPage();
  await login(auditorPage, auditor);
  await auditorPage.goto(`${server.url}/actions`);
  await expect(auditorPage.getByTestId('count-open')).toHaveText('3');
  await assign(auditorPage, a1, ann, 'Ann Able', later);
  await assign(auditorPage, a2, ann, 'Ann Able', '2024-01-15');
  await assign(auditorPage, a3, bob, 'Bob Baker', later);

  // Ann sees her actions on her home page, the late one flagged, and resolves the first with a note and a photo.
  const annPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await login(annPage, ann);
  await annPage.goto(`${server.url}/`);
  const mine = annPage.getByTestId('my-actions');
  await expect(mine.getByTestId(`action-${a1}`)).toBeVisible();
  await expect(mine.getByTestId(`action-${a2}`).getByTestId('action-overdue')).toBeVisible();
  await expect(mine.getByTestId(`action-${a3}`)).toHaveCount(0);
  await mine.getByTestId(`action-${a1}`).getByRole('link').click();
  await expect(annPage.getByTestId('finding-item')).toContainText(items[0]!.text);
  await expect(annPage.getByTestId('finding-note')).toContainText('Drill showed a gap: ed-01');
  await expect(annPage.getByTestId('move-verify')).toHaveCount(0);
  await annPage.getByTestId('move-start').click();
  await expect(annPage.getByTestId('action-status')).toHaveText('In progress');
  await expect(annPage.getByTestId('move-start')).toHaveCount(0);
  // resolving without a word is refused by the page itself (the textarea is required)
  await annPage.getByTestId('move-resolve').click();
  await expect(annPage.getByTestId('action-status')).toHaveText('In progress');
  await annPage.getByLabel('Comment').fill('Plan re-approved by the board on 3 March; copies replaced on every floor.');
  await annPage.getByLabel('Evidence files (optional)').setInputFiles({ name: 'board-minutes.png', mimeType: 'image/png', buffer: PHOTO });
  await annPage.getByTestId('move-resolve').click();
  await expect(annPage.getByTestId('action-done')).toContainText('Marked resolved');
  await expect(annPage.getByTestId('action-status')).toHaveText('Resolved');
  await expect(annPage.getByTestId('action-evidence')).toContainText('board-minutes.png');
  await expect(annPage.getByTestId('timeline')).toContainText('Plan re-approved by the board');
  await expect(annPage.getByTestId('respond-form').locator('button')).toHaveText(['Add comment']);
  await annPage.screenshot({ path: path.join(shots, 'action-detail-phone.png'), fullPage: true });
  // Ann cannot see Bob's action
  const other = await annPage.goto(`${server.url}/actions/${a3}`);
  expect(other?.status()).toBe(404);

  // Bob resolves his through the API.
  const bobApi = await server.login(bob);
  await bobApi.fetch(`/api/actions/${a3}`, { method: 'PATCH', json: { status: 'in_progress' } });
  expect((await bobApi.fetch(`/api/actions/${a3}`, { method: 'PATCH', json: { status: 'resolved', comment: 'Contact list updated' } })).status).toBe(200);

  // The auditor rejects Bob's fix and verifies Ann's.
  await auditorPage.goto(`${server.url}/actions/${a3}`);
  await expect(auditorPage.getByTestId('respond-form').locator('button')).toHaveText(['Verify and close', 'Reject the fix', 'Add comment']);
  await auditorPage.screenshot({ path: path.join(shots, 'action-review-phone.png'), fullPage: true });
  await auditorPage.getByLabel('Comment').fill('Deputies are still missing for two roles.');
  await auditorPage.getByTestId('move-reopen').click();
  await expect(auditorPage.getByTestId('action-status')).toHaveText('In progress');
  await expect(auditorPage.getByTestId('timeline')).toContainText('rejected the fix');
  await auditorPage.goto(`${server.url}/actions/${a1}`);
  await auditorPage.getByTestId('move-verify').click();
  await expect(auditorPage.getByTestId('action-status')).toHaveText('Verified');

  // The overdue list: only Ann's second action.
  await auditorPage.goto(`${server.url}/actions?overdue=1`);
  await expect(auditorPage.getByTestId('count-overdue')).toHaveText('1');
  await expect(auditorPage.getByTestId('action-list').locator('li')).toHaveCount(1);
  await expect(auditorPage.getByTestId(`action-${a2}`)).toBeVisible();
  await auditorPage.goto(`${server.url}/actions`);
  await expect(auditorPage.getByTestId('count-verified')).toHaveText('1');
  await auditorPage.screenshot({ path: path.join(shots, 'actions-list-phone.png'), fullPage: true });

  // The audit: not closed, and its follow-up report says so, signed.
  await auditorPage.goto(`${server.url}/audits/${auditId}`);
  const panel = auditorPage.getByTestId('audit-actions');
  await expect(panel.getByTestId('audit-closure')).toHaveText('Not closed');
  await expect(panel.getByTestId('audit-actions-tally')).toContainText('1 of 3 verified');
  const [download] = await Promise.all([auditorPage.waitForEvent('download'), panel.getByTestId('issue-follow-up').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lms-e2e-')), 'follow-up.pdf');
  await download.saveAs(file);
  expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Not closed');
  expect(text).toContain('Deputies are still missing for two roles.');
  expect(text).toContain('Plan re-approved by the board');
  expect(text).toMatch(/Open · \d+ d late/);
  const verify = await server.anonymous().fetch('/api/reports/verify', { method: 'POST', body: fs.readFileSync(file), headers: { 'content-type': 'application/pdf' } });
  expect(await verify.json()).toMatchObject({ valid: true, kind: 'follow_up_report', id: auditId });

  // Everything fixed and verified: the audit is closed.
  for (const [id, api] of [[a2, await server.login(ann)], [a3, bobApi]] as const) {
    if (id === a2) await api.fetch(`/api/actions/${id}`, { method: 'PATCH', json: { status: 'in_progress' } });
    await api.fetch(`/api/actions/${id}`, { method: 'PATCH', json: { status: 'resolved', comment: 'Done now' } });
    expect((await auditorApi.fetch(`/api/actions/${id}`, { method: 'PATCH', json: { status: 'verified' } })).status).toBe(200);
  }
  await auditorPage.goto(`${server.url}/audits/${auditId}`);
  await expect(auditorPage.getByTestId('audit-closure')).toHaveText('Closed');
  await expect(auditorPage.getByTestId('follow-ups').locator('li')).toHaveCount(1);
  await auditorPage.goto(`${server.url}/audits`);
  await expect(auditorPage.getByTestId(`audit-${auditId}`).getByTestId('audit-closure')).toHaveText('Closed');
  await auditorPage.screenshot({ path: path.join(shots, 'audit-closed-phone.png'), fullPage: true });
});
