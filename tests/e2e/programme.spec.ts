// The audit programme in Chromium on a phone: an auditor registers a site, schedules a quarterly
// audit due in a week, the server's scheduler opens the draft, the auditor fills and signs it, starts
// a re-audit of what failed, signs that, sees the loop closed and the trend, and downloads the
// signed evidence pack (checked with poppler's pdfsig).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let auditor: { email: string; password: string };

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, acceptDownloads: true });
test.beforeAll(async () => {
  // the scheduler passes every half second so the draft opens while the test waits
  server = await startServer({ env: { LMS_PROGRAMME_INTERVAL_MS: '500' } });
  auditor = await server.user('auditor', { name: 'Sam Schedule' });
});
test.afterAll(async () => {
  await server?.stop();
});

async function answer(page: Page, itemId: string, result: 'Pass' | 'Fail' | 'Partial', note?: string) {
  const item = page.getByTestId(`item-${itemId}`);
  await item.getByRole('button', { name: result, exact: true }).click();
  await expect(item.getByRole('button', { name: result, exact: true })).toHaveAttribute('aria-pressed', 'true');
  if (note) await item.getByLabel('Note').fill(note);
}

async function sign(page: Page, auditId: string) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.goto(`${server.url}/audits/${auditId}#sign`);
  await page.reload();
  await expect(page.getByTestId('sign-panel')).toContainText('Every item has a result');
  await page.getByLabel('Your password').fill(auditor.password);
  await page.getByTestId('sign-statement').check();
  await page.getByRole('button', { name: 'Sign and lock the audit' }).click();
  await expect(page.getByTestId('audit-status')).toHaveText('Signed', { timeout: 20_000 });
}

test('schedule → the opened draft filled and signed → re-audit → the evidence pack', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(auditor.email);
  await page.getByLabel('Password').fill(auditor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // a site, then a schedule due in 7 days: inside the 14-day lead, so the next pass opens its draft
  await page.goto(`${server.url}/audits/sites`);
  const addSite = page.getByTestId('add-site');
  await addSite.getByLabel('Name').fill('Records room');
  await addSite.getByLabel('Address').fill('3rd floor, 1 High Street');
  await addSite.getByRole('button', { name: 'Add site' }).click();
  await expect(page.getByTestId('site-list')).toContainText('Records room');

  await page.goto(`${server.url}/audits/schedules`);
  const add = page.getByTestId('add-schedule');
  await add.getByLabel('Checklist').selectOption('records-destruction');
  await add.getByLabel('Every (months)').fill('3');
  const due = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await add.getByLabel('First due date').fill(due);
  await add.getByRole('button', { name: 'Add schedule' }).click();
  await expect(page.getByTestId('schedule-list')).toContainText('Records room · Records destruction');

  // the scheduler opens the draft; the auditor finds it on /audits
  await expect(async () => {
    await page.goto(`${server.url}/audits`);
    await expect(page.getByTestId('scheduled-audits')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId('scheduled-audits').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/audits\/[a-z0-9]+$/);
  const firstId = new URL(page.url()).pathname.split('/').pop()!;

  // fill: rd-01 fails, rd-02 partial (with notes) by hand; the rest pass through the API; sign
  await page.getByTestId('section-authorisation').click();
  await answer(page, 'rd-01', 'Fail', 'No signed authorisation on file.');
  await answer(page, 'rd-02', 'Partial', 'Authorisation older than a year.');
  const detail = await (await page.request.get(`${server.url}/api/audits/${firstId}`)).json();
  const rest = (detail.checklist.sections as Array<{ items: Array<{ id: string }> }>).flatMap((s) => s.items).filter((i) => i.id !== 'rd-01' && i.id !== 'rd-02');
  for (const item of rest) expect((await page.request.put(`${server.url}/api/audits/${firstId}/responses/${item.id}`, { data: { result: 'pass' } })).status()).toBe(200);
  await sign(page, firstId);

  // re-audit: only the two findings, linked to the first audit
  await page.getByTestId('start-re-audit').click();
  await expect(page.getByTestId('re-audit-of')).toBeVisible();
  // linked to the first audit's two corrective actions, still open
  await expect(page.getByTestId('re-audit-actions').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('re-audit-actions')).toContainText('Open');
  const reId = new URL(page.url()).pathname.split('/').pop()!;
  expect(reId).not.toBe(firstId);
  await expect(page.getByTestId('overall-score')).toContainText('0/2 answered');
  await page.getByTestId('section-authorisation').click();
  await answer(page, 'rd-01', 'Pass');
  await answer(page, 'rd-02', 'Pass');
  await sign(page, reId);

  // both corrective actions of the first audit are now verified: the loop is closed
  await page.goto(`${server.url}/audits`);
  await expect(page.getByTestId(`audit-${firstId}`).getByTestId('audit-closure')).toHaveText('Closed');

  // the score trend of the site, as a picture with its table
  await page.goto(`${server.url}/audits/trends`);
  await expect(page.getByTestId('trend-scores').locator('svg')).toBeVisible();
  await page.getByTestId('trend-scores').getByText('Show the numbers').click();
  await expect(page.getByTestId('trend-table-scores')).toContainText('100%');

  // the evidence pack, downloaded from its button, signed
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-pack-button').click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-e2e-pack-'));
  const pdf = path.join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  expect(download.suggestedFilename()).toMatch(/^evidence-pack-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(execFileSync('pdfsig', [pdf], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Audits signed in the period (2)');
  expect(text).toContain('Corrective actions closed in the period (2)');
  fs.rmSync(dir, { recursive: true, force: true });
});
