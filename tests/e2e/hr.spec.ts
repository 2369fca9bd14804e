// HR's morning in Chromium: assign the three courses, watch a completion arrive, find who is late,
// open their transcript, export the CSV for Excel and import new employees.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { assignments } from '../../db/schema.ts';
import { demoAnswers } from '../../src/lib/training/demo-answers.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let hr: { email: string; password: string };
let wang: { id: string; email: string; password: string };
let larry: { id: string; email: string; password: string };
const DAY = 24 * 60 * 60 * 1000;

// the import test relies on the courses the first test assigned to everyone
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startServer();
  hr = await server.user('hr', { name: 'Hannah HR', department: 'Human Resources' });
  wang = await server.user('employee', { name: '王芳', department: 'Tax Services' });
  larry = await server.user('employee', { name: 'Larry Late', department: 'Records Office' });
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('main-nav')).toBeVisible();
}

test('HR assigns the courses, sees a completion arrive, finds the overdue person and exports the CSV', async ({ page }) => {
  await signIn(page, hr);
  await page.getByTestId('main-nav').getByRole('link', { name: 'HR' }).click();
  await page.getByTestId('hr-tabs').getByRole('link', { name: 'Assign courses' }).click();
  const due = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
  for (const title of ['Client Confidentiality', 'Retention, Archiving and Destruction of Client Records', 'Emergency Response for Client Data Incidents']) {
    await page.getByLabel('Course').selectOption({ label: title });
    await page.getByLabel('Everyone').check();
    await page.getByLabel('Due').fill(due);
    await page.getByRole('button', { name: 'Assign' }).click();
    await expect(page.getByTestId('assign-result')).toContainText(`${title}: assigned to 3 people (3 new`);
  }
  await expect(page.getByTestId('standing-rules').locator('tbody tr')).toHaveCount(3);

  // time passes: Larry's confidentiality deadline is now ten days behind him
  await server.db.update(assignments).set({ dueAt: Date.now() - 10 * DAY }).where(and(eq(assignments.userId, larry.id), eq(assignments.courseSlug, 'confidentiality')));
  // Wang passes the confidentiality quiz (through the API, as the quiz island would)
  const employee = await server.login(wang);
  const pass = await employee.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: demoAnswers('confidentiality', 0, 0) } });
  expect(pass.status).toBe(201);

  await page.getByTestId('hr-tabs').getByRole('link', { name: 'Dashboard' }).click();
  const taxRow = page.getByTestId('hr-matrix').locator('tbody tr', { hasText: 'Tax Services' });
  const cell = taxRow.locator('[data-testid="matrix-cell"][data-course="confidentiality"]');
  await expect(cell).toHaveAttribute('data-completed', '1');
  await expect(cell).toContainText('100%');
  await expect(page.getByTestId('hr-kpis').locator('[data-kpi="overdue"]')).toContainText('1');

  // the cell leads to the people behind it
  await cell.locator('a.hr-count-done').click();
  await expect(page).toHaveURL(/\/hr\/people\?department=.+&course=confidentiality&status=completed/);
  await expect(page.getByTestId('people-list').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('people-list')).toContainText('王芳');

  // the overdue list, oldest first, leads to the late person's transcript
  await page.getByTestId('hr-tabs').getByRole('link', { name: 'Dashboard' }).click();
  const overdue = page.getByTestId('overdue-list');
  await expect(overdue.locator('tbody tr').first()).toContainText('Larry Late');
  await expect(overdue).toContainText('10 days late');
  await overdue.getByRole('link', { name: 'Larry Late' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Larry Late');
  await expect(page.getByTestId('transcript-assignments').locator('tr[data-course="confidentiality"] [data-status]')).toHaveAttribute('data-status', 'overdue');

  // Wang's transcript shows the attempt and the completion with its certificate
  await page.goto(`${server.url}/hr/people/${wang.id}`);
  await expect(page.getByTestId('transcript-attempts').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('transcript-attempts')).toContainText('100%');
  await expect(page.getByTestId('transcript-completions').getByTestId('certificate-link')).toHaveAttribute('href', /^\/api\/certificates\/[a-z0-9]+\.pdf$/);

  // the CSV downloads with a BOM, Chinese names intact, one row per person and course
  await page.getByTestId('hr-tabs').getByRole('link', { name: 'Dashboard' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^completions-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('email,name,department,course,status,dueAt,completedAt,score,expiresAt');
  expect(lines).toHaveLength(1 + 3 * 3);
  expect(lines.find((l) => l.startsWith(`${wang.email},王芳,Tax Services,confidentiality,completed,`))).toBeTruthy();
});

test('HR imports employees from a CSV file: a bad file imports nobody, a good one shows one-time passwords', async ({ page }) => {
  await signIn(page, hr);
  await page.goto(`${server.url}/hr/import`);
  const file = (text: string) => ({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`) });
  await page.getByLabel('CSV file').setInputFiles(file('email,name,role,department\nzhou.jie@e2e.example,周杰,employee,Tax Services\nbroken,Nobody,employee,\n'));
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-error')).toContainText('Line 3: email');
  await expect(page.getByTestId('import-result')).toHaveCount(0);

  await page.getByLabel('CSV file').setInputFiles(file('email,name,role,department\nzhou.jie@e2e.example,周杰,employee,Tax Services\nmia.ng@e2e.example,Mia Ng,employee,Records Office\n'));
  await page.getByRole('button', { name: 'Import' }).click();
  const passwords = page.getByTestId('import-passwords');
  await expect(passwords.locator('tbody tr')).toHaveCount(2);
  await expect(passwords).toContainText('周杰');
  const password = await passwords.locator('tr', { hasText: 'zhou.jie@e2e.example' }).locator('code').innerText();
  // the new person can sign in with it, and sees the courses assigned to everyone
  const zhou = await server.login({ email: 'zhou.jie@e2e.example', password });
  const courses = await (await zhou.fetch('/api/courses')).json();
  expect(courses.filter((c: { status: string }) => c.status === 'assigned')).toHaveLength(3);
});
