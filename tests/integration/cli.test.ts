import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { root } from '../support/server.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-cli-'));
});

function lms(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['scripts/lms.ts', ...args], { cwd: root, input, env: { ...process.env, LMS_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sql = async (q: string) => {
  const c = createClient({ url: `file:${path.join(dataDir, 'lms.db')}` });
  try {
    return (await c.execute(q)).rows;
  } finally {
    c.close();
  }
};

// each command is a fresh Node process; on a busy two-core machine that takes a few seconds
describe('the lms command line', { timeout: 120_000 }, () => {
  it('migrates an empty database', async () => {
    expect(lms(['db', 'migrate']).code).toBe(0);
    expect((await sql("select name from sqlite_master where name = 'audit_log'")).length).toBe(1);
  });

  it('adds a user with the password from standard input, and refuses a weak one', async () => {
    const ok = lms(['user', 'add', '--email', 'Li.Na@Example.com', '--name', '李娜', '--role', 'hr', '--department', 'People'], 'a long enough password\n');
    expect(ok.code).toBe(0);
    const [row] = await sql('select email, name, role, password_hash from users');
    expect(row).toMatchObject({ email: 'li.na@example.com', name: '李娜', role: 'hr' });
    expect(String(row!.password_hash)).toMatch(/^\$argon2id\$/);
    const weak = lms(['user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'employee'], 'short\n');
    expect(weak.code).not.toBe(0);
    expect(weak.err).toMatch(/12 characters/);
    expect(ok.out + ok.err).not.toContain('a long enough password');
  });

  it('imports a CSV all or nothing, naming the bad line', async () => {
    const file = path.join(dataDir, 'people.csv');
    fs.writeFileSync(file, 'email,name,role,department\na@example.com,A,employee,Tax\nbad-email,B,employee,Tax\n');
    const bad = lms(['user', 'import', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/line 3: email/);
    expect(await sql('select * from users')).toHaveLength(0);
    fs.writeFileSync(file, '\uFEFFemail,name,role,department\na@example.com,A,employee,Tax\nb@example.com,王b,auditor,Audit\n');
    const good = lms(['user', 'import', file]);
    expect(good.code).toBe(0);
    expect(await sql('select email from users order by email')).toHaveLength(2);
  });

  it('verifies the audit log and names the first entry that was tampered with or deleted', async () => {
    const file = path.join(dataDir, 'three.csv');
    fs.writeFileSync(file, 'email,name,role,department\na@example.com,A,employee,\nb@example.com,B,employee,\nc@example.com,C,employee,\n');
    expect(lms(['user', 'import', file]).code).toBe(0);
    expect(lms(['log', 'verify'])).toMatchObject({ code: 0, out: expect.stringContaining('3 entries') });
    await sql(`update audit_log set details = '{"role":"admin"}' where seq = 2`);
    const changed = lms(['log', 'verify']);
    expect(changed.code).toBe(1);
    expect(changed.err).toMatch(/entry 2/);
    await sql(`delete from audit_log where seq = 2`);
    const deleted = lms(['log', 'verify']);
    expect(deleted.code).toBe(1);
    expect(deleted.err).toMatch(/entry 2 is missing/);
  });

  it('seeds the demo organisation on demand', async () => {
    const r = lms(['db', 'seed']);
    expect(r.code).toBe(0);
    const roles = (await sql('select distinct role from users order by role')).map((x) => x.role);
    expect(roles).toEqual(['admin', 'auditor', 'editor', 'employee', 'hr']);
  });
});
