import { expect, test, type Page } from '@playwright/test';
import { roles, type Role } from '../../src/lib/auth/permissions.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const people = new Map<Role, { email: string; password: string }>();

test.beforeAll(async () => {
  server = await startServer();
  for (const role of roles) people.set(role, await server.user(role, { name: `${role} person` }));
});
test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page, who: { email: string; password: string }, prefix = '') {
  await page.goto(`${server.url}${prefix}/login`);
  await page.getByLabel(prefix ? '电子邮箱' : 'Email').fill(who.email);
  await page.getByLabel(prefix ? '密码' : 'Password').fill(who.password);
  await page.getByRole('button', { name: prefix ? '登录' : 'Sign in' }).click();
}

const expectedNav: Record<Role, string[]> = {
  employee: ['Home', 'Training', 'Actions'],
  hr: ['Home', 'Training', 'HR', 'Actions'],
  auditor: ['Home', 'Training', 'Audits', 'Actions'],
  admin: ['Home', 'Training', 'HR', 'Audits', 'Actions', 'Authoring', 'Admin'],
  editor: ['Home', 'Training', 'Actions', 'Authoring'],
};

for (const role of roles) {
  test(`${role} signs in and sees the navigation of their role`, async ({ page }) => {
    await signIn(page, people.get(role)!);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${role} person`);
    await expect(page.getByTestId('main-nav').getByRole('link')).toHaveText(expectedNav[role]);
  });
}

test('an employee switches to Chinese, is refused the HR page, and logs out', async ({ page }) => {
  await signIn(page, people.get('employee')!);
  await page.getByTestId('language-switch').click();
  await expect(page).toHaveURL(/\/zh-cn\/$/);
  await expect(page.getByTestId('main-nav').getByRole('link')).toHaveText(['首页', '培训', '整改']);
  const res = await page.goto(`${server.url}/zh-cn/hr`);
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toContainText('无权访问');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/zh-cn\/login$/);
  await page.goto(`${server.url}/training`);
  await expect(page).toHaveURL(/\/login\?next=%2Ftraining$/);
});

test('a wrong password is refused with a readable message', async ({ page }) => {
  await signIn(page, { email: people.get('hr')!.email, password: 'not the password' });
  await expect(page.getByTestId('login-error')).toHaveText('Wrong email or password.');
});

test('an admin deactivates a user, whose open session stops working at once', async ({ page, browser }) => {
  const victim = await server.user('employee', { name: 'Victor Deactivated' });
  const victimContext = await browser.newContext();
  const victimPage = await victimContext.newPage();
  await signIn(victimPage, victim);
  await expect(victimPage.getByRole('heading', { level: 1 })).toContainText('Victor');

  await signIn(page, people.get('admin')!);
  await page.goto(`${server.url}/admin?q=Victor`);
  const row = page.locator(`tr[data-email="${victim.email}"]`);
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.locator(`tr[data-email="${victim.email}"]`)).toContainText('Deactivated');

  await victimPage.reload();
  await expect(victimPage).toHaveURL(/\/login/);
  await victimContext.close();
});

test('an admin changes a role and the audit log chain verifies', async ({ page }) => {
  const person = await server.user('employee', { name: 'Rolf Promoted' });
  await signIn(page, people.get('admin')!);
  await page.goto(`${server.url}/admin?q=Rolf`);
  const row = page.locator(`tr[data-email="${person.email}"]`);
  await row.getByLabel('Change role').selectOption('auditor');
  await row.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expect(page.locator(`tr[data-email="${person.email}"]`).getByLabel('Change role')).toHaveValue('auditor');
  await page.getByTestId('verify-log').click();
  await expect(page.getByTestId('log-status')).toContainText('intact');
});
