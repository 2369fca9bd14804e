// The authoring API over HTTP against the built server: content/ imported on the first start,
// drafts with validation and the version check, publishing and its effect on employees, on two
// app servers sharing one database, question import, and the content CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/lib/content/load-content.ts';
import { answersFor } from '../support/quiz.ts';
import { root, startServer, type Client, type TestServer } from '../support/server.ts';

const files = loadCatalog(path.join(root, 'content'));
const DAY = 86_400_000;
let server: TestServer;
let second: TestServer;
let editor: Client;
let otherEditor: Client;
let editorName: string;
beforeAll(async () => {
  server = await startServer();
  // a second app server on the same database, as behind a load balancer
  second = await startServer({ dataDir: server.dataDir });
  const e = await server.user('editor', { name: 'Erin Editor' });
  editorName = 'Erin Editor';
  editor = await server.login(e);
  otherEditor = await server.login(await server.user('editor', { name: 'Frank Editor' }));
}, 120_000);
afterAll(async () => {
  await second?.stop();
  await server?.stop();
});

type View = { slug: string; published: Record<string, unknown> & { version: number }; draft?: Record<string, unknown> & { revision: number } };
const get = async (client: Client, p: string) => {
  const res = await client.fetch(p);
  expect(res.status).toBe(200);
  return res.json();
};
const docOf = (v: Record<string, unknown>) => structuredClone({ passMark: v.passMark, recertifyMonths: v.recertifyMonths, estimatedMinutes: v.estimatedMinutes, audience: v.audience, en: v.en, 'zh-cn': v['zh-cn'] }) as {
  en: { title: string; lessons: { slug: string; title: string; markdown: string }[]; quiz: { questions: { id: string; options: { id: string; correct?: true }[] }[] } };
  'zh-cn': { title: string; lessons: { slug: string; title: string; markdown: string }[]; quiz: { questions: { id: string; options: { id: string; correct?: true }[] }[] } };
};

describe('content on the first start', () => {
  it('is the content/ library, published at the versions its files carry', async () => {
    const view = (await get(editor, '/api/authoring/courses/retention-and-destruction')) as View;
    const file = files.courses.get('retention-and-destruction')!;
    expect(view.published.version).toBe(file.en.meta.version);
    expect(docOf(view.published)['zh-cn'].lessons.map((l) => l.markdown)).toEqual(file['zh-cn'].lessons.map((l) => l.markdown));
    expect(view.draft).toBeUndefined();
    const checklist = (await get(editor, '/api/authoring/checklists/client-data-handling')) as View & { en: { sections: { items: unknown[] }[] } };
    expect(checklist.published.version).toBe(files.checklists.get('client-data-handling')!.en.version);
  });

  it('is closed to people without content.edit', async () => {
    const employee = await server.login(await server.user('employee'));
    expect((await employee.fetch('/api/authoring/courses/confidentiality')).status).toBe(403);
    expect((await employee.fetch('/authoring')).status).toBe(403);
    expect((await (await server.login(await server.user('hr'))).fetch('/api/authoring/courses/confidentiality', { method: 'PUT', json: {} })).status).toBe(403);
  });
});

describe('PUT /api/authoring/courses/:slug/draft', () => {
  it('answers 422 naming each bad field, and saves nothing', async () => {
    const doc = docOf(((await get(editor, '/api/authoring/courses/emergency-response')) as View).published);
    doc.en.quiz.questions[0]!.options.forEach((o) => delete o.correct);
    doc['zh-cn'].lessons[1]!.markdown = '';
    const res = await editor.fetch('/api/authoring/courses/emergency-response/draft', { method: 'PUT', json: { revision: 0, ...doc } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; details: { field: string }[] };
    expect(body.details.map((d) => d.field)).toEqual(expect.arrayContaining(['en.quiz.questions.0.options', 'zh-cn.lessons.1.markdown']));
    expect(((await get(editor, '/api/authoring/courses/emergency-response')) as View).draft).toBeUndefined();
  });

  it('answers 409 with a readable message when another editor saved since', async () => {
    const doc = docOf(((await get(editor, '/api/authoring/courses/emergency-response')) as View).published);
    doc.en.title = 'Emergency response (A)';
    const first = await editor.fetch('/api/authoring/courses/emergency-response/draft', { method: 'PUT', json: { revision: 0, ...doc } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ revision: 1 });
    doc.en.title = 'Emergency response (B)';
    const stale = await otherEditor.fetch('/api/authoring/courses/emergency-response/draft', { method: 'PUT', json: { revision: 0, ...doc } });
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { error: string };
    expect(body.error).toContain(editorName);
    expect(body.error).toMatch(/reload/i);
    const view = (await get(otherEditor, '/api/authoring/courses/emergency-response')) as View;
    expect(view.draft).toMatchObject({ revision: 1, en: { title: 'Emergency response (A)' } });
    // discarding needs the latest revision too; then only the published version is left
    // (a DELETE without a body is checked by Astro like a form post: it must come from the site's own origin, as a browser's does)
    const discard = (client: Client, revision: number) => client.fetch(`/api/authoring/courses/emergency-response/draft?revision=${revision}`, { method: 'DELETE', headers: { origin: server.url } });
    expect((await discard(otherEditor, 0)).status).toBe(400);
    expect((await discard(otherEditor, 7)).status).toBe(409);
    expect((await discard(editor, 1)).status).toBe(204);
    expect(((await get(editor, '/api/authoring/courses/emergency-response')) as View).draft).toBeUndefined();
  });
});

describe('publishing', () => {
  it('a material change: a new version, completions of the older one due again, new text on every app server', async () => {
    const slug = 'confidentiality';
    const person = await server.user('employee');
    const employee = await server.login(person);
    const onSecond = await second.login(person);
    const pass = await employee.fetch(`/api/courses/${slug}/attempts`, { method: 'POST', json: { answers: answersFor(slug) } });
    expect(pass.status).toBe(201);
    const mine = async (client: Client) => ((await get(client, '/api/courses')) as { slug: string; status: string; version: number; dueAt: number | null }[]).find((c) => c.slug === slug)!;
    expect((await mine(employee)).status).toBe('completed');
    // the second server has served this course once, so it has it cached
    expect((await onSecond.fetch(`/training/${slug}/${files.courses.get(slug)!.en.lessons[0]!.slug}`)).status).toBe(200);

    const view = (await get(editor, `/api/authoring/courses/${slug}`)) as View;
    const doc = docOf(view.published);
    doc.en.lessons[0]!.markdown += '\n\nA new paragraph about **encrypted e-mail**.\n';
    doc['zh-cn'].lessons[0]!.markdown += '\n\n关于**加密邮件**的新段落。\n';
    expect((await editor.fetch(`/api/authoring/courses/${slug}/draft`, { method: 'PUT', json: { revision: 0, ...doc } })).status).toBe(200);
    const before = Date.now();
    const res = await editor.fetch(`/api/authoring/courses/${slug}/publish`, { method: 'POST', json: { material: true, note: 'Encrypted e-mail rule' } });
    expect(res.status).toBe(200);
    const published = (await res.json()) as { version: number; recertification: { count: number; dueAt: number } };
    expect(published.version).toBe(view.published.version + 1);
    expect(published.recertification.count).toBeGreaterThanOrEqual(1);

    const after = await mine(employee);
    expect(after.status).toBe('expired');
    expect(after.version).toBe(view.published.version + 1);
    expect(after.dueAt).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(after.dueAt).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    // both servers serve the new text at once
    const lessonSlug = doc.en.lessons[0]!.slug;
    for (const client of [employee, onSecond]) {
      expect(await (await client.fetch(`/training/${slug}/${lessonSlug}`)).text()).toContain('<strong>encrypted e-mail</strong>');
      expect(await (await client.fetch(`/zh-cn/training/${slug}/${lessonSlug}`)).text()).toContain('<strong>加密邮件</strong>');
    }
    expect(((await get(onSecond, '/api/courses')) as { slug: string; version: number }[]).find((c) => c.slug === slug)!.version).toBe(published.version);
    // the history keeps both, with the note and a diff showing the new line
    const versions = (await get(editor, `/api/authoring/courses/${slug}/versions`)) as { version: number; note: string; material: boolean }[];
    expect(versions[0]).toMatchObject({ version: published.version, note: 'Encrypted e-mail rule', material: true });
    const old = (await get(editor, `/api/authoring/courses/${slug}/versions/${view.published.version}`)) as { version: number };
    expect(old.version).toBe(view.published.version);
    const diff = (await get(editor, `/api/authoring/courses/${slug}/versions/${published.version}`)) as { diff: { file: string; lines: { op: string; text: string }[] }[] };
    expect(diff.diff.flatMap((f) => f.lines).filter((l) => l.op === '+').map((l) => l.text)).toContain('A new paragraph about **encrypted e-mail**.');
    const page = await (await editor.fetch(`/authoring/courses/${slug}/history?v=${published.version}`)).text();
    expect(page).toContain('Encrypted e-mail rule');
    // the old version stays readable in full
    const oldText = await (await editor.fetch(`/authoring/courses/${slug}/history?v=${view.published.version}&full`)).text();
    expect(oldText).toContain('data-testid="full-text"');
    expect(oldText).not.toContain('encrypted e-mail');
  });

  it('a non-material change leaves completions as they were', async () => {
    const slug = 'retention-and-destruction';
    const employee = await server.login(await server.user('employee'));
    expect((await employee.fetch(`/api/courses/${slug}/attempts`, { method: 'POST', json: { answers: answersFor(slug) } })).status).toBe(201);
    const doc = docOf(((await get(editor, `/api/authoring/courses/${slug}`)) as View).published);
    doc.en.title += ' ';
    doc.en.title = doc.en.title.trim() + ' (2027)';
    expect((await editor.fetch(`/api/authoring/courses/${slug}/draft`, { method: 'PUT', json: { revision: 0, ...doc } })).status).toBe(200);
    const res = await editor.fetch(`/api/authoring/courses/${slug}/publish`, { method: 'POST', json: { material: false, note: 'Title' } });
    expect(await res.json()).toMatchObject({ recertification: null });
    const mine = ((await get(employee, '/api/courses')) as { slug: string; status: string; title: string }[]).find((c) => c.slug === slug)!;
    expect(mine).toMatchObject({ status: 'completed', title: expect.stringContaining('(2027)') });
  });

  it('creates a checklist as a draft, publishes it, and auditors can use it', async () => {
    const doc = {
      en: { title: 'Site visit', sections: [{ id: 'entry', title: 'Entry', items: [{ id: 'sv-1', text: 'Visitors sign in.', guidance: 'Check the book.', severity: 'medium', evidence: 'optional' }] }] },
      'zh-cn': { title: '现场检查', sections: [{ id: 'entry', title: '入口', items: [{ id: 'sv-1', text: '访客须登记。', guidance: '检查登记簿。', severity: 'medium', evidence: 'optional' }] }] },
    };
    const created = await editor.fetch('/api/authoring/checklists', { method: 'POST', json: { slug: 'site-visit', ...doc } });
    expect(created.status).toBe(201);
    expect((await editor.fetch('/api/authoring/checklists', { method: 'POST', json: { slug: 'site-visit', ...doc } })).status).toBe(409);
    const auditor = await server.login(await server.user('auditor'));
    const listed = async () => ((await get(auditor, '/api/checklists')) as { slug: string }[]).map((c) => c.slug);
    expect(await listed()).not.toContain('site-visit');
    expect(await (await editor.fetch('/api/authoring/checklists/site-visit/publish', { method: 'POST', json: { material: false, note: 'New' } })).json()).toEqual({ version: 1, recertification: null });
    expect(await listed()).toContain('site-visit');
    expect((await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'site-visit', title: 'Visit' } })).status).toBe(201);
  });
});

describe('POST /api/authoring/courses/:slug/questions/import', () => {
  const fixture = (name: string) => fs.readFileSync(path.join(root, 'tests/unit/authoring/fixtures', name), 'utf8');
  it('reads a Moodle XML file and a GIFT file into the same questions, listing the skipped ones', async () => {
    const xml = await editor.fetch('/api/authoring/courses/confidentiality/questions/import', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: fixture('moodle-questions.xml') });
    expect(xml.status).toBe(200);
    const fromXml = (await xml.json()) as { questions: { id: string; type: string }[]; skipped: { name: string; type: string }[] };
    expect(fromXml.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse']);
    expect(fromXml.skipped.map((s) => s.name)).toEqual(['Name the regulator', 'Describe a breach', 'Match the classes']);
    // text/plain is a form content type: Astro accepts it only from the site's own origin, as a browser sends it
    const gift = await editor.fetch('/api/authoring/courses/confidentiality/questions/import', { method: 'POST', headers: { 'content-type': 'text/plain', origin: server.url }, body: fixture('moodle-questions.gift') });
    expect(gift.status).toBe(200);
    const fromGift = (await gift.json()) as typeof fromXml;
    expect(fromGift.questions).toEqual(fromXml.questions);
    // confidentiality already has q-former-clients: the imported one gets another id
    expect(fromXml.questions.map((q) => q.id)).toContain('q-former-clients-2');
  });

  it('refuses another content type with 415 and a broken file with 422', async () => {
    expect((await editor.fetch('/api/authoring/courses/confidentiality/questions/import', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: 'x' })).status).toBe(415);
    expect((await editor.fetch('/api/authoring/courses/confidentiality/questions/import', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<quiz><question>' })).status).toBe(422);
  });
});

describe('the content command line', { timeout: 120_000 }, () => {
  const lms = (args: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/lms.ts', ...args], { cwd: root, env: { ...process.env, LMS_DATA_DIR: server.dataDir }, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  it('exports what is published and imports it again without changing anything', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-export-'));
    const exported = lms(['content', 'export', dir]);
    expect(exported.code).toBe(0);
    const back = loadCatalog(dir);
    expect(back.courses.get('confidentiality')!['zh-cn'].lessons[0]!.markdown).toContain('关于**加密邮件**的新段落。');
    const again = lms(['content', 'import', dir]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 published');
  });

  it('refuses invalid content, naming the file and field, and imports nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-bad-'));
    fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
    const quiz = path.join(dir, 'courses/en/emergency-response/quiz.yaml');
    fs.writeFileSync(quiz, fs.readFileSync(quiz, 'utf8').replace(/type: single/, 'type: essay'));
    const r = lms(['content', 'import', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/courses\/en\/emergency-response\/quiz\.yaml: questions\.\d+\.type/);
    expect(r.err).toContain('Nothing was imported');
  });
});
