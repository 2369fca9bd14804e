// The authoring journey in Chromium: an editor changes a lesson's text in both languages, sees it
// previewed as the lesson page renders it, publishes it as a material change; an employee who had
// completed the course sees it due again and reads the new text.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadCatalog } from '../../src/lib/content/load-content.ts';
import { answersFor } from '../support/quiz.ts';
import { logIn as signIn } from '../support/browser.ts';
import { root, startServer, type TestServer } from '../support/server.ts';

const slug = 'emergency-response';
const course = loadCatalog(path.join(root, 'content')).courses.get(slug)!;
const lesson = course.en.lessons[0]!;

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const logIn = (page: Page, prefix: string, who: { email: string; password: string }) => signIn(page, server.url, prefix, who);

/** Astro drops the island's `ssr` attribute once React has hydrated it: clicks before that do nothing. */
const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])', { state: 'attached' });

test('an editor publishes a material lesson change; an employee who completed the course must take it again and reads the new text', async ({ browser }) => {
  // the employee completed the course before the change
  const person = await server.user('employee', { name: 'Emma Example' });
  const api = await server.login(person);
  expect((await api.fetch(`/api/courses/${slug}/attempts`, { method: 'POST', json: { answers: answersFor(slug) } })).status).toBe(201);

  const editorContext = await browser.newContext();
  const page = await editorContext.newPage();
  await logIn(page, '/zh-cn', await server.user('editor', { name: 'Eda Editor' }));
  await page.goto(`${server.url}/zh-cn/authoring`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('内容编写');
  await expect(page.getByTestId(`authoring-row-${slug}`)).toContainText(`第 ${course.en.meta.version} 版`);

  // the English editor
  await page.goto(`${server.url}/authoring/courses/${slug}`);
  await hydrated(page);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('published-version')).toHaveText(`Published: version ${course.en.meta.version}`);

  // a new lesson starts with the English text on both sides: flagged as not translated, then removed again
  await page.getByTestId('add-lesson').click();
  await expect(page.getByTestId('untranslated-warning').first()).toBeVisible();
  await page.getByRole('button', { name: 'Remove' }).first().click();
  await page.getByTestId('lesson-tab-0').click();
  await expect(page.getByTestId('untranslated-summary')).toHaveCount(0);

  const en = page.getByTestId('lessons.0.markdown-en');
  const zh = page.getByTestId('lessons.0.markdown-zh-cn');
  await expect(en).toHaveValue(lesson.markdown);
  await en.fill(`${lesson.markdown}\n\nCall the **incident line** first.\n`);
  await zh.fill(`${course['zh-cn'].lessons[0]!.markdown}\n\n首先拨打**事件专线**。\n`);
  // the preview is the lesson page's rendering of the draft
  await expect(page.getByTestId('preview-en').locator('strong', { hasText: 'incident line' })).toBeVisible();
  await expect(page.getByTestId('preview-zh-cn').locator('strong', { hasText: '事件专线' })).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(page.getByTestId('save-state')).toContainText('revision');

  await page.getByTestId('tab-publish').click();
  await page.getByTestId('publish-material').check();
  await page.getByTestId('publish-note').fill('Call the incident line first');
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('publish-outcome')).toContainText(`Version ${course.en.meta.version + 1} is published.`);
  await expect(page.getByTestId('publish-outcome')).toContainText('1 completions of older versions are now due for recertification');
  await editorContext.close();

  // the employee: the course is due again, with a date, and the lesson has the new text in both languages
  const employeeContext = await browser.newContext();
  const mine = await employeeContext.newPage();
  await logIn(mine, '', person);
  await mine.goto(`${server.url}/training/${slug}`);
  await expect(mine.getByTestId('due-line').first()).toContainText('Renew by');
  const response = await mine.goto(`${server.url}/training/${slug}/${lesson.slug}`);
  expect(await response!.text()).not.toMatch(/<script/i);
  await expect(mine.getByTestId('lesson').locator('strong', { hasText: 'incident line' })).toBeVisible();
  await mine.goto(`${server.url}/zh-cn/training/${slug}/${lesson.slug}`);
  await expect(mine.getByTestId('lesson').locator('strong', { hasText: '事件专线' })).toBeVisible();
  await employeeContext.close();
});

test('an editor imports questions from a Moodle GIFT file: previews them, adds them in both languages, and sees the Chinese flagged as untranslated', async ({ page }) => {
  await logIn(page, '', await server.user('editor'));
  await page.goto(`${server.url}/authoring/courses/retention-and-destruction`);
  await hydrated(page);
  await page.getByTestId('tab-import').click();
  await page.getByTestId('question-file').setInputFiles(path.join(root, 'tests/unit/authoring/fixtures/moodle-questions.gift'));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('3 questions read');
  await expect(preview).toContainText('Retention period for tax records');
  await expect(page.getByTestId('import-skipped')).toContainText('Name the regulator (shortanswer)');
  await expect(page.getByTestId('import-skipped')).toContainText('Ratio (numerical)');
  await page.getByTestId('import-add').click();
  await expect(page.getByTestId('import-message')).toContainText('3 questions added');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(page.getByTestId('untranslated-summary')).toBeVisible();

  await page.getByTestId('tab-quiz').click();
  const added = page.getByTestId('question-q-shredding-methods');
  await expect(added.getByTestId('untranslated-warning').first()).toBeVisible();
  // translating the prompt clears its warning; the draft saves again
  const zhPrompt = added.locator('textarea[lang="zh-CN"]').first();
  const warningsBefore = await added.getByTestId('untranslated-warning').count();
  await zhPrompt.fill('哪些方法可以妥善销毁纸质记录？请选择所有适用项。');
  await expect(added.getByTestId('untranslated-warning')).toHaveCount(warningsBefore - 1);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

  // what the server holds is the draft with the new questions in both languages
  const api = await server.login(await server.user('editor'));
  const view = (await (await api.fetch('/api/authoring/courses/retention-and-destruction')).json()) as { draft: { en: { quiz: { questions: { id: string }[] } }; 'zh-cn': { quiz: { questions: { id: string; prompt: string }[] } } } };
  expect(view.draft.en.quiz.questions.map((q) => q.id)).toEqual(expect.arrayContaining(['q-retention-period-for-tax-records', 'q-shredding-methods', 'q-former-clients']));
  expect(view.draft['zh-cn'].quiz.questions.find((q) => q.id === 'q-shredding-methods')!.prompt).toBe('哪些方法可以妥善销毁纸质记录？请选择所有适用项。');
});

test('two editors on one checklist: the second save is refused with who saved first, and nothing is overwritten', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await logIn(a, '', await server.user('editor', { name: 'Ann Author' }));
  await logIn(b, '', await server.user('editor', { name: 'Bob Builder' }));
  for (const p of [a, b]) {
    await p.goto(`${server.url}/authoring/checklists/emergency-drill`);
    await hydrated(p);
  }
  await a.getByTestId('title-en').fill('Emergency drill (Ann)');
  await expect(a.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await b.getByTestId('title-en').fill('Emergency drill (Bob)');
  await expect(b.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict', { timeout: 15_000 });
  await expect(b.getByTestId('save-state')).toContainText('Ann Author saved this draft');
  // Bob reloads and sees Ann's text
  await b.getByRole('button', { name: 'Reload the draft' }).click();
  await expect(b.getByTestId('title-en')).toHaveValue('Emergency drill (Ann)');
  await first.close();
  await second.close();
});
