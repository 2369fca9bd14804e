// The journey through the firm's identity provider in Chromium: a real oidc-provider on loopback.
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { departments, users } from '../../db/schema.ts';
import { startProvider, type TestProvider } from '../support/oidc-provider.ts';
import { freePort, startServer, type TestServer } from '../support/server.ts';

let provider: TestProvider;
let server: TestServer;

test.beforeAll(async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  provider = await startProvider({
    appUrl,
    accounts: { 'mei.chen': { email: 'mei.chen@firm.example', email_verified: true, name: 'Mei Chen', department: 'Compliance', groups: ['Everyone', 'Compliance-HR'] } },
  });
  server = await startServer({ port, env: provider.appEnv(appUrl) });
});
test.afterAll(async () => {
  await server?.stop();
  await provider?.stop();
});

test('a new person signs in with the provider, is provisioned with the mapped role and department, lands on next, and signs out', async ({ page }) => {
  await page.goto(`${server.url}/hr/questions`);
  await expect(page).toHaveURL(/\/login\?next=%2Fhr%2Fquestions$/);
  await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();

  // the provider's own sign-in page
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel('Username').fill('mei.chen');
  await page.getByRole('button', { name: 'Continue' }).click();

  // back on the page asked for, which only HR (the mapped role) may open
  await expect(page).toHaveURL(`${server.url}/hr/questions`);
  await expect(page.locator('.who')).toHaveText('Mei Chen · HR');
  await expect(page.getByTestId('main-nav').getByRole('link', { name: 'HR' })).toBeVisible();
  const [mei] = await server.db.select().from(users).where(eq(users.email, 'mei.chen@firm.example'));
  expect(mei?.role).toBe('hr');
  const [dept] = await server.db.select().from(departments).where(eq(departments.id, mei!.departmentId!));
  expect(dept?.name).toBe('Compliance');

  // sign out: our session ends, then the provider's
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${server.url}/login`);
  await page.goto(`${server.url}/hr`);
  await expect(page).toHaveURL(/\/login\?next=%2Fhr$/);
});
