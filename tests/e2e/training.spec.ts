import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { logIn as signIn } from '../support/browser.ts';
import { root, startServer, type TestServer } from '../support/server.ts';

type QuizFile = { questions: { id: string; type: string; options: { id: string; text: string; correct?: true }[]; explanation: string }[] };
type LessonInfo = { slug: string; title: string };

const slug = 'confidentiality';
// The test reads the content itself, so it knows the right answers the browser must never be told.
const quizOf = (locale: string): QuizFile => parse(fs.readFileSync(path.join(root, 'content/courses', locale, slug, 'quiz.yaml'), 'utf8'));
const firstLesson = (locale: string): LessonInfo => {
  const dir = path.join(root, 'content/courses', locale, slug);
  const file = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0]!;
  const title = /title:\s*"?(.+?)"?\s*$/m.exec(fs.readFileSync(path.join(dir, file), 'utf8'))![1]!;
  return { slug: file.replace(/^\d+-|\.md$/g, ''), title };
};

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const logIn = (page: Page, prefix: string, who: { email: string; password: string }) => signIn(page, server.url, prefix, who);

async function answer(page: Page, quiz: QuizFile, o: { right: boolean }) {
  for (const q of quiz.questions) {
    const choose = o.right ? q.options.filter((opt) => opt.correct) : [q.options.find((opt) => !opt.correct)!];
    const block = page.locator(`[data-question="${q.id}"]`);
    for (const opt of choose) await block.getByLabel(opt.text, { exact: true }).check();
  }
}

async function readFirstLesson(page: Page, prefix: string, locale: string) {
  const lesson = firstLesson(locale);
  const response = await page.goto(`${server.url}${prefix}/training/${slug}/${lesson.slug}`);
  expect(response!.status()).toBe(200);
  expect(await response!.text()).not.toMatch(/<script/i);
  await expect(page.locator('article h1')).toHaveText(lesson.title);
  await page.getByTestId('mark-read').click();
  await expect(page.getByTestId('lesson-read')).toBeVisible();
  expect(await page.locator('script').count()).toBe(0);
}

async function failThenPass(page: Page, prefix: string, locale: string) {
  const quiz = quizOf(locale);
  await page.goto(`${server.url}${prefix}/training/${slug}/quiz`);
  await expect(page.getByTestId('quiz-question')).toHaveCount(quiz.questions.length);
  await answer(page, quiz, { right: false });
  await page.getByTestId('quiz-submit').click();
  await expect(page.getByTestId('quiz-form')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('quiz-score')).toHaveText(/\D0%$/);
  await expect(page.locator('[data-correct="no"]')).toHaveCount(quiz.questions.length);
  await expect(page.getByText(quiz.questions[0]!.explanation)).toBeVisible();

  await page.getByTestId('try-again').click();
  await expect(page.getByTestId('quiz-form')).toHaveAttribute('data-state', 'answering');
  await answer(page, quiz, { right: true });
  await page.getByTestId('quiz-submit').click();
  await expect(page.getByTestId('quiz-form')).toHaveAttribute('data-state', 'passed');
  await expect(page.getByTestId('quiz-score')).toContainText('100%');
  await expect(page.locator('[data-correct="yes"]')).toHaveCount(quiz.questions.length);
}

async function downloadCertificate(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quiz-certificate').click()]);
  return fs.readFileSync((await download.path())!);
}

test('an employee reads a lesson, fails the quiz, learns why, passes and downloads the certificate', async ({ page }) => {
  const who = await server.user('employee', { name: 'Erin Example' });
  await logIn(page, '', who);
  await page.goto(`${server.url}/training`);
  await expect(page.locator(`[data-course="${slug}"]`)).toBeVisible();

  await readFirstLesson(page, '', 'en');
  await page.goto(`${server.url}/training/${slug}`);
  await expect(page.locator(`[data-lesson="${firstLesson('en').slug}"]`)).toHaveAttribute('data-read', 'yes');

  await failThenPass(page, '', 'en');
  const pdf = await downloadCertificate(page);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await page.goto(`${server.url}/training/${slug}`);
  await expect(page.getByTestId('course-status')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('attempts-table').locator('tbody tr')).toHaveCount(2);
});

test('the same journey in Chinese', async ({ page }) => {
  const who = await server.user('employee', { name: '王芳' });
  await logIn(page, '/zh-cn', who);
  await page.goto(`${server.url}/zh-cn/training`);
  await expect(page.locator('h1')).toHaveText('我的培训');

  await readFirstLesson(page, '/zh-cn', 'zh-cn');
  await failThenPass(page, '/zh-cn', 'zh-cn');
  await expect(page.getByTestId('quiz-result')).toContainText('已通过');
  const pdf = await downloadCertificate(page);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await page.goto(`${server.url}/zh-cn/training`);
  await expect(page.locator(`[data-course="${slug}"] [data-testid="course-status"]`)).toHaveText('已完成');
});
