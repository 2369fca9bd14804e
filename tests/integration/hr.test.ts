// HR over HTTP: assignments, exports, import, and that only HR and admins get any of it.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentRules, assignments, users } from '../../db/schema.ts';
import { parseCsv } from '../../src/lib/reports/csv.ts';
import { demoAnswers } from '../../src/lib/training/demo-answers.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

let server: TestServer;
let hr: Client;
let employee: Client;
const DAY = 24 * 60 * 60 * 1000;
const dueAt = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
const people: { id: string; email: string; password: string }[] = [];

beforeAll(async () => {
  server = await startServer();
  hr = await server.login(await server.user('hr', { name: 'Hannah HR', department: 'Human Resources' }));
  people.push(await server.user('employee', { name: '王芳', department: 'Tax Services', email: 'wang.fang@hr-int.example' }));
  people.push(await server.user('employee', { name: '=SUM(A1:A9)', department: 'Tax Services', email: 'formula@hr-int.example' }));
  people.push(await server.user('employee', { name: 'Omar Records', department: 'Records Office', email: 'omar@hr-int.example' }));
  employee = await server.login(people[0]!);
});
afterAll(async () => {
  await server?.stop();
});

const assign = (json: Record<string, unknown>, who: Client = hr) => who.fetch('/api/hr/assignments', { method: 'POST', json: { dueAt, ...json } });
const assignmentCount = async (course: string) => (await server.db.select({ n: count() }).from(assignments).where(eq(assignments.courseSlug, course)))[0]!.n;
const activeUsers = async () => (await server.db.select({ n: count() }).from(users).where(eq(users.active, true)))[0]!.n;
/** A form post as a browser sends it: Astro refuses cross-site form posts without a matching Origin. */
const formPost = (c: Client, path: string, body: FormData | URLSearchParams) => c.fetch(path, { method: 'POST', body, headers: { origin: server.url } });

describe('assigning courses over HTTP', () => {
  it('assigns a course to everyone with 201 {assigned}, and again without duplicates', async () => {
    const first = await assign({ course: 'confidentiality', all: true });
    expect(first.status).toBe(201);
    const n = await activeUsers();
    expect(await first.json()).toMatchObject({ assigned: n, created: n });
    const again = await assign({ course: 'confidentiality', all: true });
    expect(await again.json()).toMatchObject({ assigned: n, created: 0, unchanged: n });
    expect(await assignmentCount('confidentiality')).toBe(n);
  });

  it('moves the due date when assigned again with a later one', async () => {
    const later = Date.now() + 90 * DAY;
    const res = await assign({ course: 'confidentiality', all: true, dueAt: later });
    expect(await res.json()).toMatchObject({ moved: await activeUsers() });
    const [row] = await server.db.select().from(assignments).where(and(eq(assignments.courseSlug, 'confidentiality'), eq(assignments.userId, people[0]!.id)));
    expect(row!.dueAt).toBe(later);
  });

  it('assigns a department, and a person who joins it later receives the assignment', async () => {
    const res = await assign({ course: 'retention-and-destruction', department: 'Tax Services' });
    expect(res.status).toBe(201);
    expect((await res.json()).assigned).toBe(2);
    expect(await server.db.select().from(assignmentRules).where(eq(assignmentRules.courseSlug, 'retention-and-destruction'))).toHaveLength(1);
    const joiner = await server.user('employee', { department: 'Tax Services' });
    const courses = await (await (await server.login(joiner)).fetch('/api/courses')).json();
    expect(courses.find((c: { slug: string }) => c.slug === 'retention-and-destruction')).toMatchObject({ status: 'assigned', dueAt: Date.parse(`${dueAt}T23:59:59.999Z`) });
  });

  it('assigns a list of people by email', async () => {
    const res = await assign({ course: 'emergency-response', emails: ['OMAR@hr-int.example', 'wang.fang@hr-int.example'] });
    expect(await res.json()).toMatchObject({ assigned: 2, created: 2 });
  });

  it('answers 422 naming an unknown course, department or email, and changes nothing', async () => {
    const before = await assignmentCount('emergency-response');
    const badEmail = await assign({ course: 'emergency-response', emails: ['omar@hr-int.example', 'ghost@hr-int.example'] });
    expect(badEmail.status).toBe(422);
    expect(await badEmail.json()).toMatchObject({ error: expect.stringContaining('ghost@hr-int.example'), details: { unknownEmails: ['ghost@hr-int.example'] } });
    const badCourse = await assign({ course: 'knitting', all: true });
    expect(badCourse.status).toBe(422);
    expect((await badCourse.json()).error).toContain('knitting');
    const badDept = await assign({ course: 'emergency-response', department: 'Narnia' });
    expect(badDept.status).toBe(422);
    expect((await badDept.json()).error).toContain('Narnia');
    expect(await assignmentCount('emergency-response')).toBe(before);
  });

  it('answers 400 for a malformed body: no target, two targets, a bad date', async () => {
    for (const body of [{ course: 'confidentiality' }, { course: 'confidentiality', all: true, department: 'Tax Services' }, { course: 'confidentiality', all: true, dueAt: 'tomorrow' }]) {
      const res = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { dueAt, ...body } });
      expect(res.status).toBe(400);
      expect(typeof (await res.json()).error).toBe('string');
    }
  });

  it('does the same from the /hr/assign form without JavaScript', async () => {
    const form = new URLSearchParams({ course: 'emergency-response', scope: 'department', department: '', dueAt, recurMonths: '' });
    const dept = await server.db.query.departments.findFirst({ where: (d, { eq: is }) => is(d.name, 'Records Office') });
    form.set('department', dept!.id);
    const res = await formPost(hr, '/hr/assign', form);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/\/hr\/assign\?.*assigned=1/);
    const bad = await formPost(hr, '/hr/assign', new URLSearchParams({ course: 'emergency-response', scope: 'emails', emails: 'nobody@hr-int.example', dueAt }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('nobody@hr-int.example');
  });
});

describe('HR pages and exports', () => {
  it('shows a completion in the dashboard, the transcript and the exports once an employee passes', async () => {
    const pass = await employee.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: demoAnswers('confidentiality', 0, 0) } });
    expect(pass.status).toBe(201);
    const completionId = (await pass.json()).completion.id;
    const board = await (await hr.fetch('/hr')).text();
    expect(board).toContain('data-testid="hr-matrix"');
    const transcript = await (await hr.fetch(`/hr/people/${people[0]!.id}`)).text();
    expect(transcript).toContain(`/api/certificates/${completionId}.pdf`);
    const rows = await (await hr.fetch('/api/hr/completions')).json();
    expect(rows.find((r: { email: string; course: string }) => r.email === people[0]!.email && r.course === 'confidentiality')).toMatchObject({ status: 'completed', name: '王芳', department: 'Tax Services', score: 100 });
    expect((await hr.fetch('/hr/people/unknownid')).status).toBe(404);
    expect((await hr.fetch('/hr/questions?course=confidentiality')).status).toBe(200);
  });

  it('exports one CSV row per person and assigned course: UTF-8 with BOM, Chinese names intact, formulas defused', async () => {
    const res = await hr.fetch('/api/hr/completions.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="completions-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(['email', 'name', 'department', 'course', 'status', 'dueAt', 'completedAt', 'score', 'expiresAt']);
    const body = rows.slice(1);
    const [total] = await server.db.select({ n: count() }).from(assignments).innerJoin(users, eq(users.id, assignments.userId)).where(eq(users.active, true));
    expect(body).toHaveLength(total!.n);
    expect(new Set(body.map((r) => `${r[0]}/${r[3]}`)).size).toBe(body.length);
    expect(body.find((r) => r[0] === people[0]!.email)?.[1]).toBe('王芳');
    expect(body.find((r) => r[0] === people[1]!.email)?.[1]).toBe("'=SUM(A1:A9)");
    const filtered = parseCsv(await (await hr.fetch('/api/hr/completions.csv?status=completed')).text());
    expect(filtered.slice(1).every((r) => r[4] === 'completed')).toBe(true);
    expect((await hr.fetch('/api/hr/completions.csv?status=bogus')).status).toBe(400);
  });

  it('refuses employees: 403 on every HR endpoint and page', async () => {
    for (const path of ['/api/hr/completions', '/api/hr/completions.csv', '/hr', '/hr/people', '/hr/import', '/hr/questions']) {
      expect((await employee.fetch(path)).status, path).toBe(403);
    }
    expect((await assign({ course: 'confidentiality', all: true }, employee)).status).toBe(403);
    expect((await server.anonymous().fetch('/api/hr/completions.csv')).status).toBe(401);
  });
});

describe('importing employees on /hr/import', () => {
  const csv = (lines: string[]) => ['email,name,role,department', ...lines].join('\n');
  it('imports nothing when any line is bad, naming every bad line', async () => {
    const before = await activeUsers();
    const form = new FormData();
    form.set('csv', csv(['ok.person@hr-int.example,Ok Person,employee,Tax Services', 'not-an-email,Bad,employee,', 'boss@hr-int.example,Boss,admin,']));
    const res = await formPost(hr, '/hr/import', form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/Line 3: email/);
    expect(html).toMatch(/Line 4: role: only an administrator/);
    expect(await activeUsers()).toBe(before);
  });

  it('imports an uploaded file, gives joiners their department assignments and shows one-time passwords once', async () => {
    const form = new FormData();
    form.set('file', new Blob([`\uFEFF${csv(['li.na@hr-int.example,李娜,employee,Tax Services'])}\r\n`], { type: 'text/csv' }), 'staff.csv');
    form.set('csv', '');
    const res = await formPost(hr, '/hr/import', form);
    expect(res.status).toBe(200);
    const html = await res.text();
    const password = /<td>li\.na@hr-int\.example<\/td><td>李娜<\/td><td><code>([^<]+)<\/code>/.exec(html)?.[1];
    expect(password).toBeTruthy();
    const li = await server.login({ email: 'li.na@hr-int.example', password: password! });
    const courses = await (await li.fetch('/api/courses')).json();
    expect(courses.find((c: { slug: string }) => c.slug === 'retention-and-destruction')?.status).toBe('assigned');
    const again = await formPost(hr, '/hr/import', form);
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('li.na@hr-int.example already has an account');
  });
});
