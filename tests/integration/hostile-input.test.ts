// Generated malformed requests against every API route: never a 5xx, always the {error} shape,
// and nothing in the database changes because of a rejected request.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../support/routes.ts';
import { startServer, type Client, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: Client;
let employee: Client;

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
  return parts.join('|');
}

beforeAll(async () => {
  server = await startServer();
  admin = await server.login(await server.user('admin'));
  employee = await server.login(await server.user('employee'));
});
afterAll(async () => {
  await server?.stop();
});

const weirdId = fc.oneof(
  fc.constant('unknownid'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constant('..%2F..%2Fetc%2Fpasswd'),
  fc.constant('%00'),
  fc.constant('x'.repeat(3000)),
  fc.constant('1 OR 1=1'),
  fc.constant('%E6%9D%8E%E4%BC%9F'),
);

const jsonValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('email', 'password', 'answers', 'result', 'note', 'status', 'owner', 'dueAt', 'course', 'all', 'emails', 'department', 'checklist', 'title', 'site', 'statement', 'text', 'comment', 'recurMonths', '__proto__', 'constructor'), fc.anything({ maxDepth: 2 })),
  fc.record({ answers: fc.dictionary(fc.string(), fc.oneof(fc.array(fc.string()), fc.string(), fc.integer())) }),
  fc.record({ result: fc.oneof(fc.constantFrom('pass', 'fail', 'partial', 'na', 'PASS', ''), fc.string()), note: fc.string({ maxLength: 5000 }) }),
  fc.record({ status: fc.constantFrom('open', 'in_progress', 'resolved', 'verified', 'closed', 'x'), comment: fc.string({ unit: 'binary' }) }),
  fc.constant({ text: '<script>alert(1)</script>'.repeat(100) }),
);

const body = fc.oneof(
  jsonValue.map((v) => ({ type: 'application/json', data: JSON.stringify(v) as string | Uint8Array })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', data: `{${s}` })),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => ({ type: 'application/json', data: s })),
  fc.constant({ type: 'application/json', data: JSON.stringify({ huge: 'x'.repeat(2_000_000) }) }),
  fc.constantFrom('application/xml', 'application/pdf', 'image/png', 'application/octet-stream', 'multipart/form-data; boundary=x').map((type) => ({ type, data: new Uint8Array([37, 80, 68, 70, 45, 0, 255, 1]) as string | Uint8Array })),
  fc.constant({ type: 'multipart/form-data; boundary=----x', data: '------x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n------x--\r\n' }),
);

describe('hostile input', () => {
  const routes = listRoutes().filter((r) => r.api && !r.path.endsWith('/logout'));

  it('never answers 5xx, always answers errors as {error}, and changes nothing when it refuses', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), weirdId, body, fc.boolean(), async (route, id, b, asAdmin) => {
        const method = route.methods.find((m) => m !== 'GET') ?? 'GET';
        const path = route.path.replaceAll('unknownid', id);
        const client = asAdmin ? admin : employee;
        const res = await client.fetch(path, method === 'GET' ? {} : { method, body: b.data as BodyInit, headers: { 'content-type': b.type, origin: server.url } });
        const text = await res.text();
        if (res.status >= 500) failures.push(`${method} ${path} → ${res.status}: ${text.slice(0, 200)}`);
        if (res.status >= 400 && route.api) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = null;
          }
          if (typeof (parsed as { error?: unknown } | null)?.error !== 'string') failures.push(`${method} ${path} → ${res.status} without {error}: ${text.slice(0, 120)}`);
        }
        // verification is a question, not a write: any bytes get an answer, and garbage is never genuine
        if (route.path === '/api/reports/verify') {
          if (res.status === 200 && JSON.parse(text).valid !== false) failures.push(`verify called garbage genuine: ${text.slice(0, 120)}`);
        } else if (res.status < 400 && method !== 'GET') failures.push(`${method} ${path} accepted a malformed body (${res.status})`);
      }),
      { numRuns: 1200, seed: 20261127 },
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await snapshot()).toBe(before);
  }, 600_000);

  it('answers a cross-site form post with 403 before it reaches a handler', async () => {
    const res = await employee.fetch('/api/auth/login', { method: 'POST', body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });
});
