// An auditor on a phone: starts the 128-item checklist, fills a section by hand (a note, a photo),
// the rest through the API, signs with password and a drawn signature, downloads the signed PDF
// and, logged out, verifies it at /verify.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { audits } from '../../db/schema.ts';
import { startServer, type TestServer } from '../support/server.ts';

const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f7c4a00000000049454e44ae426082', 'hex');

let server: TestServer;
let auditor: { email: string; password: string };

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, acceptDownloads: true });
test.beforeAll(async () => {
  server = await startServer();
  auditor = await server.user('auditor', { name: 'Petra Phone' });
});
test.afterAll(async () => {
  await server?.stop();
});

test('an auditor fills the big checklist on a phone, signs, downloads the PDF and verifies it logged out', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(auditor.email);
  await page.getByLabel('Password').fill(auditor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.goto(`${server.url}/audits`);
  const start = page.getByTestId('start-audit');
  await start.getByLabel('Checklist').selectOption('client-data-handling');
  await start.getByLabel('Title').fill('Head office annual audit');
  await start.getByLabel('Site (optional)').fill('Records room, 3rd floor');
  await start.getByRole('button', { name: 'Start the audit' }).click();
  await expect(page).toHaveURL(/\/audits\/[a-z0-9]+$/);
  const auditId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByTestId('overall-score')).toContainText('0/128 answered');
  await expect(page.getByTestId('score-formula')).toContainText('n.a. are left out');

  // Section 1 by hand: results, a note, a photo; every change saves by itself.
  await page.getByTestId('section-s01-confidentiality').click();
  await expect(page.getByRole('heading', { name: 'Confidentiality' })).toBeVisible();
  const results = ['Pass', 'Partial', 'Pass', 'N/A', 'Fail', 'Pass', 'Pass'];
  for (const [i, result] of results.entries()) {
    const item = page.getByTestId(`item-s01-0${i + 1}`);
    await item.getByRole('button', { name: result, exact: true }).click();
    await expect(item.getByRole('button', { name: result, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.getByTestId('item-s01-02')).toContainText('A note is required');
  await page.getByTestId('item-s01-02').getByLabel('Note').fill('Authorised list exists but was last reviewed 18 months ago.');
  await page.getByTestId('item-s01-05').getByLabel('Note').fill('No legal mapping could be produced.');
  await page.getByTestId('camera-s01-01').setInputFiles({ name: 'policy-binder.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByTestId('item-s01-01').getByRole('img', { name: 'policy-binder.png' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('save-status')).toContainText('7/128 answered');

  // The other 121 items through the API, as the same signed-in browser.
  const detail = await (await page.request.get(`${server.url}/api/audits/${auditId}`)).json();
  const rest = (detail.checklist.sections as Array<{ items: Array<{ id: string; severity: string }> }>).flatMap((s) => s.items).filter((i) => !i.id.startsWith('s01-'));
  expect(detail.responses['s01-02'].note).toContain('18 months');
  for (const [i, item] of rest.entries()) {
    const result = i % 19 === 3 ? 'partial' : i % 23 === 5 && item.severity !== 'critical' ? 'fail' : i % 17 === 0 ? 'na' : 'pass';
    const res = await page.request.put(`${server.url}/api/audits/${auditId}/responses/${item.id}`, { data: { result, note: result === 'pass' || result === 'na' ? '' : `Observed on site (${item.id}).` } });
    expect(res.status()).toBe(200);
  }

  // Sign: password, statement, a drawn signature.
  await page.goto(`${server.url}/audits/${auditId}#sign`);
  await page.reload(); // same URL but the hash: load the answers given through the API
  await expect(page.getByTestId('sign-panel')).toContainText('Every item has a result');
  await page.getByLabel('Your password').fill(auditor.password);
  await page.getByTestId('sign-statement').check();
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 25; i++) await page.mouse.move(box.x + 20 + i * 11, box.y + box.height * (0.5 + 0.3 * Math.sin(i / 2.5)));
  await page.mouse.up();
  await page.getByRole('button', { name: 'Sign and lock the audit' }).click();

  await expect(page.getByTestId('audit-status')).toHaveText('Signed', { timeout: 20_000 });
  await expect(page.getByTestId('signed-summary')).toBeVisible();
  await expect(page.getByTestId('actions-created')).toContainText('s01-05');
  const [row] = await server.db.select().from(audits).where(eq(audits.id, auditId));
  expect(row!.signatureImage?.subarray(1, 4).toString()).toBe('PNG');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-link').click()]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-e2e-audit-'));
  const pdf = path.join(dir, download.suggestedFilename());
  await download.saveAs(pdf);
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  expect(execFileSync('pdfsig', [pdf], { encoding: 'utf8' })).toContain('Signature Validation: Signature is Valid.');
  execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-r', '60', pdf, path.join(dir, 'page')]);
  expect(fs.readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);

  // Logged out, anyone can check the file.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`${server.url}/verify`);
  await page.getByLabel('PDF file').setInputFiles(pdf);
  await page.getByRole('button', { name: 'Check the file' }).click();
  const verdict = page.getByTestId('verify-result');
  await expect(verdict).toHaveAttribute('data-valid', 'true');
  await expect(verdict).toContainText('Genuine');
  await expect(page.getByTestId('verified-kind')).toHaveText('Audit report');
  await expect(page.getByTestId('verified-signer')).toHaveText('Petra Phone');
  fs.rmSync(dir, { recursive: true, force: true });
});
