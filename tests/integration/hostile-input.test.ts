// Generated hostile requests against every API route and every page form, by every role and by
// nobody, on made-up ids and on the real ids of real objects: never a 5xx, errors in the API's
// {error} shape, a role DESIGN keeps out is kept out whatever the body, and a refused request
// changes nothing. Each case is checked as it runs, so fast-check shrinks a failure to its core.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whoMayReach, type Who } from '../support/design-access.ts';
import { answersFor, checklistItems } from '../support/quiz.ts';
import { rawRequest } from '../support/raw-http.ts';
import { listRoutes } from '../support/routes.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const cookies = new Map<Who, string | null>();
const realIds: string[] = [];

// tables whose rows a rejected request must not touch (failed logins are logged by design, so
// login_failures and their audit entries are left out)
const watched = ['users', 'departments', 'assignments', 'assignment_rules', 'attempts', 'completions', 'lesson_progress', 'audits', 'audit_responses', 'evidence', 'corrective_actions', 'action_events', 'signed_documents'];

async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const table of watched) {
    const rows = await server.db.all<{ n: number; h: string | null }>(sql.raw(`select count(*) as n, group_concat(rowid) as h from ${table}`));
    parts.push(`${table}:${rows[0]?.n}:${rows[0]?.h ?? ''}`);
  }
  const log = await server.db.all<{ n: number }>(sql.raw(`select count(*) as n from audit_log where action <> 'auth.login_failed'`));
  parts.push(`log:${log[0]?.n}`);
  // the state of the real objects, not just their count
  const state = await server.db.all<{ s: string }>(sql.raw(`select group_concat(status || ':' || coalesce(owner_id, '') || ':' || due_at) as s from corrective_actions`));
  const users = await server.db.all<{ s: string }>(sql.raw(`select group_concat(role || ':' || coalesce(department_id, '') || ':' || active || ':' || password_hash) as s from users`));
  return `${parts.join('|')}|${state[0]?.s}|${users[0]?.s}`;
}

beforeAll(async () => {
  server = await startServer();
  cookies.set('anonymous', null);
  for (const role of ['employee', 'hr', 'auditor', 'admin'] as const) cookies.set(role, (await server.login(await server.user(role))).cookie);
  // real objects that belong to other people, so "changes nothing" is tried against things that exist
  const ownerUser = await server.user('employee');
  const owner = await server.login(ownerUser);
  const auditorUser = await server.user('auditor');
  const auditor = await server.login(auditorUser);
  const passed = await (await owner.fetch('/api/courses/confidentiality/attempts', { method: 'POST', json: { answers: answersFor('confidentiality') } })).json();
  const start = async () => (await (await auditor.fetch('/api/audits', { method: 'POST', json: { checklist: 'records-destruction', title: 'Real' } })).json()).id as string;
  const signedId = await start();
  for (const item of checklistItems('records-destruction')) await auditor.fetch(`/api/audits/${signedId}/responses/${item.id}`, { method: 'PUT', json: { result: 'fail', note: 'x' } });
  expect((await auditor.fetch(`/api/audits/${signedId}/sign`, { method: 'POST', json: { password: auditorUser.password, statement: 'ok' } })).status).toBe(200);
  const draftId = await start();
  const [action] = await (await auditor.fetch(`/api/actions?audit=${signedId}`)).json();
  await auditor.fetch(`/api/actions/${action.id}`, { method: 'PATCH', json: { owner: ownerUser.email } });
  realIds.push(passed.completion.id, `${passed.completion.id}.pdf`, signedId, draftId, action.id, ownerUser.id, 'confidentiality', 'rd-01');
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const weirdId = fc.oneof(
  fc.constant('unknownid'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constant('..%2F..%2Fetc%2Fpasswd'),
  fc.constant('%00'),
  fc.constant('x'.repeat(3000)),
  fc.constant('1%20OR%201=1'),
  fc.constant('%E6%9D%8E%E4%BC%9F'),
);
// a third of the cases use the id of a real object
const anyId = fc.oneof({ weight: 2, arbitrary: weirdId }, { weight: 1, arbitrary: fc.constantFrom(...Array.from({ length: 8 }, (_, i) => i)).map((i) => realIds[i]!) });

const fieldNames = ['email', 'password', 'answers', 'result', 'note', 'status', 'owner', 'dueAt', 'course', 'all', 'emails', 'department', 'checklist', 'title', 'site', 'statement', 'text', 'comment', 'recurMonths', 'op', 'userId', 'role', 'intent', 'from', 'audit', 'severity', 'detail', 'csv', 'scope', '__proto__', 'constructor'];
const hostileText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.constantFrom('admin', 'verified', '<script>alert(1)</script>', "'; drop table users; --", '9'.repeat(400), '-1', 'NaN', '2026-02-30'));

const jsonValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.anything({ maxDepth: 2 })),
  fc.record({ answers: fc.dictionary(fc.string(), fc.oneof(fc.array(fc.string()), fc.string(), fc.integer())) }),
  fc.record({ result: fc.oneof(fc.constantFrom('pass', 'fail', 'partial', 'na', 'PASS', ''), fc.string()), note: fc.string({ maxLength: 5000 }) }),
  fc.record({ status: fc.constantFrom('open', 'in_progress', 'resolved', 'verified', 'closed', 'x'), comment: fc.string({ unit: 'binary' }) }),
  fc.constant({ text: '<script>alert(1)</script>'.repeat(20) }),
);

type Body = { type: string; data: string | Buffer };
const apiBody: fc.Arbitrary<Body> = fc.oneof(
  jsonValue.map((v) => ({ type: 'application/json', data: JSON.stringify(v) ?? 'null' })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', data: `{${s}` })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => ({ type: 'application/json', data: s })),
  fc.constant({ type: 'application/json', data: JSON.stringify({ huge: 'x'.repeat(2_000_000) }) }),
  fc.constantFrom('application/xml', 'application/pdf', 'image/png', 'application/octet-stream', 'multipart/form-data; boundary=x').map((type) => ({ type, data: Buffer.from([37, 80, 68, 70, 45, 0, 255, 1]) })),
  fc.constant({ type: 'multipart/form-data; boundary=----x', data: '------x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n------x--\r\n' }),
);
const formBody: fc.Arbitrary<Body> = fc.oneof(
  fc.dictionary(fc.constantFrom(...fieldNames), hostileText, { maxKeys: 8 }).map((d) => ({ type: 'application/x-www-form-urlencoded', data: new URLSearchParams(d).toString() })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => ({ type: 'application/x-www-form-urlencoded', data: s })),
  fc.constant({ type: 'application/x-www-form-urlencoded', data: `csv=${'x'.repeat(70_000)}` }),
  fc.constant({ type: 'multipart/form-data; boundary=----x', data: '------x\r\nContent-Disposition: form-data; name="files"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n------x--\r\n' }),
  fc.constant({ type: 'multipart/form-data; boundary=----x', data: '------x\r\nbroken' }),
  fc.constantFrom('application/json', 'text/plain').map((type) => ({ type, data: '{"op":"create","role":"admin"}' })),
);

// these answer any body by design: marking a lesson read, signing out, checking a PDF, issuing a follow-up
const acceptsAnyBody = [/\/lessons\/[^/]+\/read$/, /^\/training\/[^/]+\/[^/]+$/, /^\/(api\/auth\/)?logout$/, /verify$/, /follow-up\.pdf$/, /^\/login$/];

describe('hostile input', () => {
  const writable = listRoutes().filter((r) => r.methods.some((m) => m !== 'GET') && !r.path.endsWith('/logout'));

  it('never answers 5xx, keeps out whom DESIGN keeps out, answers errors as {error}, and changes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writable), anyId, fc.constantFrom<Who>('anonymous', 'employee', 'hr', 'auditor', 'admin'), fc.boolean(), apiBody, formBody, async (route, id, who, chinese, apiB, formB) => {
        const method = route.methods.find((m) => m !== 'GET')!;
        const b = route.api ? apiB : formB;
        const decoded = route.path.replaceAll('unknownid', id);
        const path = !route.api && chinese ? `/zh-cn${decoded}` : decoded;
        const before = await snapshot();
        const res = await rawRequest(server.url, { method, path, cookie: cookies.get(who) ?? null, headers: { 'content-type': b.type, origin: server.url }, body: b.data });
        const where = `${who} ${method} ${path.slice(0, 120)} → ${res.status}: ${res.body.slice(0, 160)}`;
        expect(res.status, where).toBeLessThan(500);
        if (route.api && res.status >= 400) expect(JSON.parse(res.body).error, where).toEqual(expect.any(String));
        const oddPath = res.status === 400 && /address is malformed|此地址格式有误/.test(res.body);
        // Astro answers a path ending in `//` with a redirect to its canonical form, before any route or check runs
        const canonicalRedirect = [301, 308].includes(res.status) && res.location === path.replace(/\/{2,}$/, '/');
        if (canonicalRedirect) return;
        if (!oddPath && !whoMayReach(route.path.replaceAll('/unknownid', '/x')).includes(who)) {
          const refused = who === 'anonymous' ? (route.api ? res.status === 401 : res.status === 303 && /\/login\?next=/.test(res.location ?? '')) : [403, 404].includes(res.status);
          expect(refused, `DESIGN keeps ${who} out: ${where}`).toBe(true);
        }
        const accepted = res.status < 400 && !(res.status === 303 && /\/login\?next=/.test(res.location ?? ''));
        // a refusal changes nothing; a hostile body that is answered (e.g. a page shown again) changes nothing either,
        // except on the few routes that take any body at all
        if (!accepted || !acceptsAnyBody.some((re) => re.test(decoded))) expect(await snapshot(), `${accepted ? 'a hostile body was acted on' : 'a refused request changed something'}: ${where}`).toBe(before);
      }),
      { numRuns: 700, seed: 20261202 },
    );
  }, 600_000);

  it('answers a cross-site form post with 403 before it reaches a handler', async () => {
    const res = await rawRequest(server.url, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'email=a' });
    expect(res.status).toBe(403);
  });

  it('refuses a page form larger than its limit with 413 and a message in the page language', async () => {
    const big = new URLSearchParams({ email: 'a@example.com', password: 'x'.repeat(100_000) }).toString();
    const en = await rawRequest(server.url, { method: 'POST', path: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }, body: big });
    expect(en.status).toBe(413);
    expect(en.body).toContain('too large');
    const zh = await rawRequest(server.url, { method: 'POST', path: '/zh-cn/login', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }, body: big });
    expect(zh.status).toBe(413);
    expect(zh.body).toContain('提交的内容过大');
  });

  it('refuses a body beyond the adapter limit without reading it whole', async () => {
    const res = await rawRequest(server.url, { method: 'POST', path: '/api/reports/verify', headers: { 'content-type': 'application/pdf' }, body: Buffer.alloc(30 * 1024 * 1024, 1) }).catch((e: Error) => ({ status: 0, body: e.message }));
    // either the app's 413 or the connection closed on it; never a 2xx and never a 500
    expect([0, 413]).toContain(res.status);
  }, 60_000);
});
