// Reminders in Chromium: HR assigns a course to a department; the employee's mail reaches a real
// SMTP server (smtp-server); its link opens the course after signing in; later the manager finds
// the overdue report on /team and gets the weekly digest. The server's own scheduler sends.
import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { assignments, users } from '../../db/schema.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { linksIn, startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const DAY = 24 * 60 * 60 * 1000;
let server: TestServer;
let sink: SmtpSink;
let hr: { email: string; password: string };
let employee: { id: string; email: string; password: string };
let manager: { id: string; email: string; password: string };

test.beforeAll(async () => {
  sink = await startSmtpSink();
  // LMS_CHECKPOINT_MINUTES 0: no audit-log checkpoint mails to admins among the mails counted here
  server = await startServer({ env: { LMS_SMTP_URL: sink.url, LMS_NOTIFY_INTERVAL_MS: '1000', LMS_CHECKPOINT_MINUTES: '0' } });
  hr = await server.user('hr', { name: 'Hannah HR', department: 'Human Resources' });
  manager = await server.user('employee', { name: 'Mona Manager', department: 'Records Office' });
  employee = await server.user('employee', { name: 'Eli Employee', department: 'Records Office' });
  await server.db.update(users).set({ managerId: manager.id }).where(eq(users.id, employee.id));
});
test.afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an assignment mail leads to the course; the manager sees the overdue report on My team', async ({ browser }) => {
  const hrPage = await (await browser.newContext()).newPage();
  await hrPage.goto(`${server.url}/login`);
  await signIn(hrPage, hr);
  await hrPage.getByTestId('main-nav').getByRole('link', { name: 'HR' }).click();
  await hrPage.getByTestId('hr-tabs').getByRole('link', { name: 'Assign courses' }).click();
  await hrPage.getByLabel('Course').selectOption({ label: 'Client Confidentiality' });
  await hrPage.getByRole('radio', { name: 'Department' }).check();
  await hrPage.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Records Office' });
  await hrPage.getByLabel('Due').fill(new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10));
  await hrPage.getByRole('button', { name: 'Assign' }).click();
  await expect(hrPage.getByTestId('assign-result')).toContainText('Client Confidentiality: assigned to 2 people');

  // the server's scheduler sends it within a few seconds
  const [mail] = (await sink.waitFor((m) => m.some((x) => x.to === employee.email), 30_000)).filter((m) => m.to === employee.email);
  expect(mail!.subject).toBe('New training: Client Confidentiality');
  const link = linksIn(mail!)[0]!;
  expect(link).toBe(`${server.url}/training/confidentiality`);

  // the employee opens the link in a browser with no session: sign in, and land on the course
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/login\?next=%2Ftraining%2Fconfidentiality/);
  await signIn(page, employee);
  await expect(page).toHaveURL(`${server.url}/training/confidentiality`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Client Confidentiality');
  // it is listed among the mails sent to them
  await page.goto(`${server.url}/me/notifications`);
  await expect(page.getByTestId('notifications').locator('tr[data-kind="training.assigned"]')).toHaveAttribute('data-status', 'sent');

  // time passes: eight days overdue
  await server.db.update(assignments).set({ dueAt: Date.now() - 8 * DAY }).where(eq(assignments.userId, employee.id));
  const mgrPage = await (await browser.newContext()).newPage();
  await mgrPage.goto(`${server.url}/login`);
  await signIn(mgrPage, manager);
  await mgrPage.getByTestId('main-nav').getByRole('link', { name: 'My team' }).click();
  const row = mgrPage.getByTestId('team-table').locator(`tr[data-email="${employee.email}"]`);
  await expect(row).toContainText('Eli Employee');
  await expect(row.locator('[data-course="confidentiality"]')).toHaveAttribute('data-status', 'overdue');
  await expect(row).toContainText('8 days overdue');
  // and the weekly digest reaches the manager
  const digest = (await sink.waitFor((m) => m.some((x) => x.to === manager.email && x.subject.startsWith('Your team')), 30_000)).find((m) => m.to === manager.email && m.subject.startsWith('Your team'))!;
  expect(digest.text).toContain('Eli Employee: “Client Confidentiality”');
  expect(linksIn(digest)[0]).toBe(`${server.url}/team`);
});
