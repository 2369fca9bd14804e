// `log verify` and `log checkpoint` on the command line, and the server's automatic checkpoints:
// each way of cutting or rewriting the audit log is named, with a non-zero exit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleFor, openClient, type Db } from '../../src/lib/db/client.ts';
import { migrateDatabase } from '../../src/lib/db/migrate.ts';
import { writeTransaction } from '../../src/lib/db/write.ts';
import { appendLog } from '../../src/lib/log/append-log.ts';
import { entryHash } from '../../src/lib/log/hash-chain.ts';
import { checkpointsDir, takeCheckpoint } from '../../src/lib/log/take-checkpoint.ts';
import { loadSigningIdentity } from '../../src/lib/reports/signing-identity.ts';
import { root, startServer, type TestServer } from '../support/server.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

const ORG = 'Example Advisory Ltd.'; // the default LMS_ORGANISATION the command line signs with

function lms(dataDir: string, args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/lms.ts', ...args], { cwd: root, env: { ...process.env, LMS_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A data directory whose database holds `n` log entries; the organisation's certificate is made as the command line would. */
async function dataDirWith(n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-anchors-'));
  const client = await openClient(`file:${path.join(dir, 'lms.db')}`);
  const db = drizzleFor(client);
  await migrateDatabase(db, path.join(root, 'db/migrations'));
  const identity = await loadSigningIdentity({ dataDir: dir, organisation: ORG });
  const write = async (k: number) => {
    for (let i = 0; i < k; i++) await writeTransaction(db, (tx) => appendLog(tx, { actorId: null, action: 'user.update', subjectType: 'user', subjectId: `u${i}`, details: { role: 'hr' } }));
  };
  await write(n);
  return {
    dir,
    db,
    write,
    checkpoint: () => takeCheckpoint(db, { dataDir: dir, identity, organisation: ORG, trigger: 'manual' }),
    run: (q: string) => db.run(sql.raw(q)),
    close: () => client.close(),
  };
}

describe('log verify on the command line', { timeout: 120_000 }, () => {
  it('writes a signed checkpoint with `log checkpoint`, and passes an untouched log after many checkpoints', async () => {
    const d = await dataDirWith(5);
    const first = lms(d.dir, ['log', 'checkpoint']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Checkpoint of entry 5 /);
    for (let i = 0; i < 10; i++) {
      await d.write(3);
      await d.checkpoint();
    }
    await d.write(2);
    const r = lms(d.dir, ['log', 'verify']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Anchors: 11 checkpoint files/);
    expect(r.out).toMatch(/Newest anchor: checkpoint log-000000000035-.*entry 35, taken /);
    expect(r.out).toMatch(/^2 entries lie after it/m);
    expect(r.out).toMatch(/Audit log intact: 37 entries/);
    d.close();
  });

  it('names the last entry, the last ten and one in the middle deleted, and a changed field, each with exit 1', async () => {
    const d = await dataDirWith(40);
    await d.checkpoint();
    await d.run('delete from audit_log where seq = 40');
    let r = lms(d.dir, ['log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/log ends at entry 39, but checkpoint log-000000000040-.*names entry 40: entry 40 is missing/);

    await d.run('delete from audit_log where seq > 30');
    r = lms(d.dir, ['log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/entries 31–40 are missing \(10 entries\)/);

    await d.write(10); // the tail regrows with genuine entries; the checkpoint now disagrees with entry 40
    await d.run('delete from audit_log where seq = 12');
    await d.run(`update audit_log set details = '{"role":"admin"}' where seq = 20`);
    r = lms(d.dir, ['log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('entry 12 is missing');
    expect(r.err).toContain('entry 20 was changed after it was written');
    expect(r.err).toMatch(/entry 40 does not match checkpoint log-000000000040-/);
    d.close();
  });

  it('names a log truncated and re-appended with forged entries, which the chain alone accepts', async () => {
    const d = await dataDirWith(20);
    await d.checkpoint();
    await d.run('delete from audit_log where seq > 15');
    const [kept] = (await d.db.all(sql`select hash from audit_log where seq = 15`)) as Array<{ hash: string }>;
    let prev = kept!.hash;
    for (let seq = 16; seq <= 25; seq++) {
      const c = { seq, at: Date.now(), actorId: null, action: 'user.update', subjectType: 'user', subjectId: 'forged', details: '{}' };
      const h = entryHash(prev, c);
      await d.db.run(sql`insert into audit_log (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash) values (${seq}, ${c.at}, null, ${c.action}, 'user', 'forged', '{}', ${prev}, ${h})`);
      prev = h;
    }
    const r = lms(d.dir, ['log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/entry 20 does not match checkpoint log-000000000020-.*the log was rewritten from entry 20 or earlier/);
    expect(r.out).toMatch(/No anchor matches the log: all 25 entries could be cut off unnoticed/);
    d.close();
  });

  it('rejects a checkpoint file replaced by one signed with another key', async () => {
    const d = await dataDirWith(10);
    const genuine = await d.checkpoint();
    const mallory = await loadSigningIdentity({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-mallory-')), organisation: ORG });
    await d.run('delete from audit_log where seq > 6');
    const forged = await takeCheckpoint(d.db, { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-forge-')), identity: mallory, organisation: ORG, trigger: 'manual' });
    fs.rmSync(genuine.file);
    fs.writeFileSync(genuine.file, forged.text);
    await d.run(`update log_checkpoints set seq = 6, hash = '${forged.hash}'`); // and cover it in the database
    const r = lms(d.dir, ['log', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`checkpoint ${genuine.fileName} is rejected: it is signed by another key`);
    d.close();
  });

  it('checks against a copy kept elsewhere with --checkpoint, when the machine kept nothing', async () => {
    const d = await dataDirWith(12);
    const c = await d.checkpoint();
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lms-mail-')), 'checkpoint-from-mail.checkpoint');
    fs.copyFileSync(c.file, copy);
    fs.rmSync(checkpointsDir(d.dir), { recursive: true });
    await d.run('delete from log_checkpoints');
    await d.run('delete from audit_log where seq > 9');
    expect(lms(d.dir, ['log', 'verify']).code).toBe(0);
    const r = lms(d.dir, ['log', 'verify', '--checkpoint', copy]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/log ends at entry 9, but checkpoint .*checkpoint-from-mail\.checkpoint.*entries 10–12 are missing/);
    d.close();
  });
});

describe('the server', { timeout: 120_000 }, () => {
  let server: TestServer;
  let admin: Awaited<ReturnType<TestServer['login']>>;
  beforeAll(async () => {
    server = await startServer({ env: { LMS_CHECKPOINT_POLL_SECONDS: '0.2', LMS_CHECKPOINT_BURST: '5' } });
    admin = await server.login(await server.user('admin'));
  });
  afterAll(() => server?.stop());

  const checkpoints = async (db: Db) => (await db.all(sql`select file_name, seq, "trigger" from log_checkpoints order by at`)) as Array<{ file_name: string; seq: number; trigger: string }>;
  async function until<T>(what: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 150; i++) {
      const v = await what();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('timed out');
  }

  it('takes a checkpoint of its own, and another after a burst of writes', async () => {
    const first = await until(async () => (await checkpoints(server.db))[0]);
    expect(first.trigger).toBe('hourly'); // no checkpoint yet: the first one is due at once
    expect(fs.existsSync(path.join(server.dataDir, 'checkpoints', first.file_name))).toBe(true);
    const person = await server.user('employee');
    for (let i = 0; i < 5; i++) await server.login(person); // each sign-in is a log entry
    const burst = await until(async () => (await checkpoints(server.db)).find((c) => c.trigger === 'burst'));
    expect(burst.seq).toBeGreaterThanOrEqual(first.seq + 5);
  });

  it('verifies the log on its own and keeps the outcome', async () => {
    const own = await until(async () => ((await server.db.all(sql`select ok, source from log_verifications where source = 'server'`)) as Array<{ ok: number; source: string }>)[0]);
    expect(own.ok).toBe(1);
  });

  it('shows the last verification and the newest anchor on the admin page, and a cut tail there', async () => {
    let html = await (await admin.fetch('/admin?verify=1')).text();
    expect(html).toContain('The log is intact');
    expect(html).toMatch(/data-testid="log-newest-anchor">[^<]*log-0000000000\d\d-/);
    const list = await checkpoints(server.db);
    const newest = list.at(-1)!;
    await server.db.run(sql`delete from audit_log where seq >= ${newest.seq}`);
    html = await (await admin.fetch('/admin?verify=1')).text();
    expect(html).toMatch(/data-testid="log-status">Broken: \d+ problems found/);
    expect(html).toContain(`names entry ${newest.seq}`);
    // a plain visit shows the stored result without verifying again
    html = await (await admin.fetch('/admin')).text();
    expect(html).toMatch(/Broken: \d+ problems found/);
    expect(html).toContain('admin page');
  });
});

describe('a checkpoint by mail', { timeout: 120_000 }, () => {
  it('reaches the admins where mail is configured, and the saved mail checks the log from outside', async () => {
    const sink = await startSmtpSink();
    const server = await startServer({ env: { LMS_SMTP_URL: sink.url, LMS_NOTIFY_INTERVAL_MS: '300', LMS_CHECKPOINT_POLL_SECONDS: '0.2' } });
    let running = true;
    try {
      const admin = await server.user('admin');
      const [mail] = await sink.waitFor((m) => m.some((x) => x.to.includes(admin.email) && x.text.includes('[checkpoint file]')), 60_000);
      const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lms-mailbox-')), 'saved.checkpoint');
      fs.writeFileSync(saved, /\[checkpoint file\]\r?\n([\s\S]+?)\[end of checkpoint file\]/.exec(mail!.text)![1]!);
      await server.stop(); // the command line checks its data directory from here on
      running = false;
      expect(lms(server.dataDir, ['log', 'verify', '--checkpoint', saved]).code).toBe(0);
      const c = await openClient(`file:${path.join(server.dataDir, 'lms.db')}`);
      await c.execute('delete from log_checkpoints');
      const { seq } = JSON.parse(fs.readFileSync(saved, 'utf8').split('\n')[0]!) as { seq: number };
      await c.execute({ sql: 'delete from audit_log where seq >= ?', args: [seq] }); // later entries (the mail's own) go too
      c.close();
      fs.rmSync(path.join(server.dataDir, 'checkpoints'), { recursive: true, force: true });
      const r = lms(server.dataDir, ['log', 'verify', '--checkpoint', saved]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/saved\.checkpoint.*is missing/);
    } finally {
      if (running) await server.stop();
      await sink.close();
    }
  });
});
