// What browser journeys share: signing in through the real login form.
import type { Page } from '@playwright/test';

/** Signs in on the login page (under `prefix`, e.g. '/zh-cn') and waits until it has moved on. */
export async function logIn(page: Page, base: string, prefix: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}${prefix}/login`);
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}
