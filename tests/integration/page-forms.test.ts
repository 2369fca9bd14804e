// Page forms and lists: domain errors read in the page's language (the API keeps English), and long lists page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Client, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: Client;
let hr: Client;
beforeAll(async () => {
  server = await startServer();
  admin = await server.login(await server.user('admin'));
  hr = await server.login(await server.user('hr'));
});
afterAll(async () => {
  await server?.stop();
});

const post = (c: Client, path: string, fields: Record<string, string>) =>
  c.fetch(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url } });

describe('errors on pages', () => {
  it('says a weak password is too short in Chinese on the Chinese admin page, and in English on the English one', async () => {
    const fields = { op: 'create', name: '王芳', email: 'wang.fang@example.com', role: 'employee', department: '', password: 'short' };
    const zh = await post(admin, '/zh-cn/admin', fields);
    expect(zh.status).toBe(422);
    expect(await zh.text()).toContain('密码至少需要 12 个字符。');
    const en = await post(admin, '/admin', fields);
    expect(await en.text()).toContain('The password must be at least 12 characters long.');
  });

  it('names an unknown department in Chinese on the Chinese assignment page, while the API answers in English', async () => {
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const page = await post(hr, '/zh-cn/hr/assign', { course: 'confidentiality', scope: 'department', department: '不存在的部门', dueAt: due });
    expect(await page.text()).toContain('不存在部门“不存在的部门”。');
    const api = await hr.fetch('/api/hr/assignments', { method: 'POST', json: { course: 'confidentiality', department: 'Nowhere', dueAt: Date.now() + 86_400_000 } });
    expect(api.status).toBe(422);
    expect((await api.json()).error).toBe('Unknown department: Nowhere');
  });
});

describe('the admin user list', () => {
  it('counts every user and pages through them 100 at a time', async () => {
    const { sql } = await import('drizzle-orm');
    const stamp = Date.now();
    const values = Array.from({ length: 150 }, (_, i) => sql`(${`bulk${i}`}, ${`bulk${i}@paging.example`}, ${`Paging Person ${String(i).padStart(3, '0')}`}, 'employee', 'x', 1, ${stamp})`);
    await server.db.run(sql`insert into users (id, email, name, role, password_hash, active, created_at) values ${sql.join(values, sql`, `)}`);
    const first = await (await admin.fetch('/admin?q=Paging')).text();
    expect(first).toContain('150 users');
    expect(first.match(/data-email="bulk/g)).toHaveLength(100);
    expect(first).toContain('Paging Person 099');
    const second = await (await admin.fetch('/admin?q=Paging&page=2')).text();
    expect(second.match(/data-email="bulk/g)).toHaveLength(50);
    expect(second).toContain('Paging Person 149');
    expect(second).toContain('101–150 of 150');
  });
});
