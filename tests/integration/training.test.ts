import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, attempts, auditLog, completions } from '../../db/schema.ts';
import { getCourse } from '../../src/lib/content/catalog.ts';
import { newId } from '../../src/lib/ids.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';
import { answersFor } from '../unit/training/fixtures.ts';

const slug = 'confidentiality';
const course = getCourse(slug, 'en')!;
const DAY = 24 * 60 * 60 * 1000;
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function employee(): Promise<{ id: string; client: Client }> {
  const u = await server.user('employee');
  return { id: u.id, client: await server.login(u) };
}
const post = (client: Client, path: string, json: unknown) => client.fetch(path, { method: 'POST', json });

describe('GET /api/courses', () => {
  it('needs a session', async () => {
    expect((await server.anonymous().fetch('/api/courses')).status).toBe(401);
  });

  it('lists every course with a status that reflects assignments', async () => {
    const { id, client } = await employee();
    await server.db.insert(assignments).values([
      { id: newId(), userId: id, courseSlug: 'confidentiality', dueAt: Date.now() - DAY, createdAt: Date.now() },
      { id: newId(), userId: id, courseSlug: 'emergency-response', dueAt: Date.now() + 10 * DAY, createdAt: Date.now() },
    ]);
    const res = await client.fetch('/api/courses');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { slug: string; status: string; dueAt: number | null; title: string; version: number; completedAt: null; expiresAt: null }[];
    const bySlug = Object.fromEntries(list.map((c) => [c.slug, c]));
    expect(bySlug['confidentiality']).toMatchObject({ status: 'overdue', title: course.meta.title, version: course.meta.version, completedAt: null, expiresAt: null });
    expect(bySlug['emergency-response']!.status).toBe('assigned');
    expect(bySlug['retention-and-destruction']).toMatchObject({ status: 'not_assigned', dueAt: null });
  });
});

describe('GET /api/courses/:slug/quiz', () => {
  it('sends prompts and options but nothing that tells which option is correct, nor the explanations', async () => {
    const { client } = await employee();
    const res = await client.fetch(`/api/courses/${slug}/quiz`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/correct/i);
    for (const q of course.quiz.questions) expect(text).not.toContain(q.explanation);
    const quiz = JSON.parse(text) as { passMark: number; questions: { id: string; options: { id: string }[] }[] };
    expect(quiz.passMark).toBe(80);
    expect(quiz.questions.map((q) => q.id)).toEqual(course.quiz.questions.map((q) => q.id));
  });

  it('speaks Chinese for ?locale=zh-cn, and keeps the API itself at /api only', async () => {
    const { client } = await employee();
    const zhPrompt = getCourse(slug, 'zh-cn')!.quiz.questions[0]!.prompt;
    const quiz = await (await client.fetch(`/api/courses/${slug}/quiz?locale=zh-cn`)).json();
    expect(quiz.questions[0].prompt).toBe(zhPrompt);
    const localised = await client.fetch(`/zh-cn/api/courses/${slug}/quiz`);
    expect(localised.status).toBe(404);
    expect(await localised.json()).toEqual({ error: 'Not found' });
  });

  it('renders the quiz page with the island’s props free of correct flags and explanations', async () => {
    const { client } = await employee();
    for (const [path, locale] of [[`/training/${slug}/quiz`, 'en'], [`/zh-cn/training/${slug}/quiz`, 'zh-cn']] as const) {
      const html = await (await client.fetch(path)).text();
      expect(html).toContain('astro-island');
      expect(html).not.toMatch(/&quot;correct&quot;|"correct"/);
      for (const q of getCourse(slug, locale)!.quiz.questions) expect(html).not.toContain(q.explanation.replace(/"/g, '&quot;'));
      expect(html).toContain(getCourse(slug, locale)!.quiz.questions[0]!.prompt.replace(/'/g, '&#39;'));
    }
  });

  it('answers 404 for an unknown course', async () => {
    const { client } = await employee();
    expect((await client.fetch('/api/courses/no-such-course/quiz')).status).toBe(404);
  });
});

describe('POST /api/courses/:slug/attempts with bad input', () => {
  it('answers 400 for a malformed body and 422 for ids that do not fit, storing nothing', async () => {
    const { id, client } = await employee();
    const attemptsPath = `/api/courses/${slug}/attempts`;
    const cases: [RequestInit & { json?: unknown }, number][] = [
      [{ method: 'POST', body: '{not json', headers: { 'content-type': 'application/json' } }, 400],
      [{ method: 'POST', json: ['q-former-clients'] }, 400],
      [{ method: 'POST', json: {} }, 400],
      [{ method: 'POST', json: { answers: 'false' } }, 400],
      [{ method: 'POST', json: { answers: { 'q-former-clients': 'false' } } }, 400],
      [{ method: 'POST', json: { answers: { 'q-former-clients': [false] } } }, 400],
      [{ method: 'POST', json: { answers: { 'no-such-question': ['a'] } } }, 422],
      [{ method: 'POST', json: { answers: { 'q-former-clients': ['perhaps'] } } }, 422],
      [{ method: 'POST', json: { answers: { 'q-least-privilege': ['a', 'b'] } } }, 422],
      [{ method: 'POST', json: { answers: { 'q-former-clients': ['true', 'false'] } } }, 422],
    ];
    for (const [init, status] of cases) {
      const res = await client.fetch(attemptsPath, init);
      expect(res.status, JSON.stringify(init.json ?? init.body)).toBe(status);
      expect(typeof (await res.json()).error).toBe('string');
    }
    expect((await client.fetch('/api/courses/no-such-course/attempts', { method: 'POST', json: { answers: {} } })).status).toBe(404);
    expect(await server.db.select().from(attempts).where(eq(attempts.userId, id))).toEqual([]);
    expect(await server.db.select().from(auditLog).where(and(eq(auditLog.actorId, id), eq(auditLog.action, 'training.attempt')))).toEqual([]);
  });

  it('names the unknown question in the error', async () => {
    const { client } = await employee();
    const body = await (await post(client, `/api/courses/${slug}/attempts`, { answers: { 'q-made-up': ['a'] } })).json();
    expect(body.error).toContain('q-made-up');
  });
});

describe('failing, then passing, then the certificate', () => {
  let owner: { id: string; client: Client };
  let completionId: string;

  it('grades a fail: 201 with score, per-question results and explanations, no completion', async () => {
    owner = await employee();
    const res = await post(owner.client, `/api/courses/${slug}/attempts`, { answers: answersFor(slug, { wrong: 4 }) });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ passed: false, score: Math.floor(((course.quiz.questions.length - 4) * 100) / course.quiz.questions.length) });
    expect(body.completion).toBeUndefined();
    expect(body.results[0]).toEqual({ questionId: course.quiz.questions[0]!.id, correct: false, explanation: course.quiz.questions[0]!.explanation });
    expect(body.results[5].correct).toBe(true);
  });

  it('grades a pass and records the completion with the course version and expiry', async () => {
    const res = await post(owner.client, `/api/courses/${slug}/attempts`, { answers: answersFor(slug) });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ passed: true, score: 100, completion: { version: course.meta.version, created: true } });
    completionId = body.completion.id;
    const mine = await (await owner.client.fetch('/api/me/completions')).json();
    expect(mine).toEqual([expect.objectContaining({ id: completionId, course: slug, version: course.meta.version, score: 100 })]);
    expect(mine[0].expiresAt).toBeGreaterThan(mine[0].completedAt + 360 * DAY);
    const list = await (await owner.client.fetch('/api/courses')).json();
    expect(list.find((c: { slug: string }) => c.slug === slug)).toMatchObject({ status: 'completed', completedAt: mine[0].completedAt });
  });

  it('records no second completion when the same pass is submitted twice at once', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => post(owner.client, `/api/courses/${slug}/attempts`, { answers: answersFor(slug) })));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(await server.db.select().from(completions).where(eq(completions.userId, owner.id))).toHaveLength(1);
  });

  it('logs the attempts and the completion in the audit log', async () => {
    const actions = (await server.db.select().from(auditLog).where(eq(auditLog.actorId, owner.id))).map((e) => e.action);
    expect(actions.filter((a) => a === 'training.attempt')).toHaveLength(4);
    expect(actions.filter((a) => a === 'training.completion')).toHaveLength(1);
  });

  it('serves the owner a signed certificate PDF, byte-identical every time', async () => {
    const first = await owner.client.fetch(`/api/certificates/${completionId}.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
    expect(bytes.includes(Buffer.from('/ByteRange'))).toBe(true);
    const second = Buffer.from(await (await owner.client.fetch(`/api/certificates/${completionId}.pdf`)).arrayBuffer());
    expect(Buffer.compare(bytes, second)).toBe(0);
  });

  it('gives hr the certificate, and another employee or an auditor the same 404 as a missing one', async () => {
    const hr = await server.login(await server.user('hr'));
    const fromHr = await hr.fetch(`/api/certificates/${completionId}.pdf`);
    expect(fromHr.status).toBe(200);
    const own = Buffer.from(await (await owner.client.fetch(`/api/certificates/${completionId}.pdf`)).arrayBuffer());
    expect(Buffer.compare(Buffer.from(await fromHr.arrayBuffer()), own)).toBe(0);
    const other = (await employee()).client;
    const auditor = await server.login(await server.user('auditor'));
    const missing = await other.fetch('/api/certificates/nosuchcompletion.pdf');
    expect(missing.status).toBe(404);
    for (const c of [other, auditor]) {
      const res = await c.fetch(`/api/certificates/${completionId}.pdf`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(await (await other.fetch('/api/certificates/nosuchcompletion.pdf')).json());
    }
    expect((await server.anonymous().fetch(`/api/certificates/${completionId}.pdf`)).status).toBe(401);
    expect((await owner.client.fetch(`/api/certificates/${completionId}.txt`)).status).toBe(404);
  });
});

describe('reading lessons', () => {
  it('marks a lesson read through the API and counts it once', async () => {
    const { client } = await employee();
    const path = `/api/courses/${slug}/lessons/why-it-matters/read`;
    // a body-less POST from another origin would be refused by Astro's CSRF check, so clients send JSON
    expect((await client.fetch(path, { method: 'POST', json: {} })).status).toBe(200);
    expect((await client.fetch(path, { method: 'POST', json: {} })).status).toBe(200);
    const list = await (await client.fetch('/api/courses')).json();
    expect(list.find((c: { slug: string }) => c.slug === slug)).toMatchObject({ status: 'in_progress', lessonsRead: 1, lessonsTotal: course.lessons.length });
    expect((await client.fetch(`/api/courses/${slug}/lessons/no-such-lesson/read`, { method: 'POST', json: {} })).status).toBe(404);
  });

  it('serves the lesson page with no script, and its form marks it read without JavaScript', async () => {
    const { client } = await employee();
    const page = `/zh-cn/training/${slug}/who-may-see-what`;
    const html = await (await client.fetch(page)).text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(getCourse(slug, 'zh-cn')!.lessons[1]!.title);
    expect(html).toMatch(/<form method="post"/);
    const res = await client.fetch(page, { method: 'POST', body: '', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain(page);
    expect(await (await client.fetch(page)).text()).toContain('data-testid="lesson-read"');
  });
});
