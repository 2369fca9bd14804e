import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/db/client.ts';
import { writeTransaction } from '../../../src/lib/db/write.ts';
import { appendLog } from '../../../src/lib/log/append-log.ts';
import { checkCheckpointFile } from '../../../src/lib/log/checkpoint-file.ts';
import { entryHash, GENESIS_HASH } from '../../../src/lib/log/hash-chain.ts';
import { checkpointsDir, takeCheckpoint } from '../../../src/lib/log/take-checkpoint.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { loadSigningIdentity, type SigningIdentity } from '../../../src/lib/reports/signing-identity.ts';
import { tempDb } from '../../support/db.ts';

let org: SigningIdentity;
let mallory: SigningIdentity;
beforeAll(async () => {
  org = await loadSigningIdentity({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-org-')), organisation: 'Example Advisory Ltd.' });
  mallory = await loadSigningIdentity({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-mallory-')), organisation: 'Example Advisory Ltd.' });
});

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.close());

let clock = 1_790_000_000_000;
async function write(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await writeTransaction(db, (tx) => appendLog(tx, { actorId: 'u1', action: 'user.update', subjectType: 'user', subjectId: `u${i}`, details: { role: 'hr' }, at: clock++ }));
}
const checkpoint = (db: Db, identity = org) => takeCheckpoint(db, { dataDir: t.dir, identity, organisation: 'Example Advisory Ltd.', trigger: 'manual', now: clock++ });
const verify = (extra: string[] = []) => verifyLog(t.db, { dataDir: t.dir, trustedFingerprints: [org.fingerprintSha256], checkpointFiles: extra });
const run = (q: string) => t.db.run(sql.raw(q));

describe('log verify with anchors', () => {
  it('accepts an untouched log after many checkpoints, and counts the entries after the newest one', async () => {
    for (let i = 0; i < 12; i++) {
      await write(t.db, 5);
      await checkpoint(t.db);
    }
    await write(t.db, 3);
    const r = await verify();
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, entries: 63, head: { seq: 63 }, checked: { checkpoints: 12 }, afterNewestAnchor: 3 });
    expect(r.newestAnchor).toMatchObject({ kind: 'checkpoint', seq: 60 });
    expect(fs.readdirSync(checkpointsDir(t.dir))).toHaveLength(12);
  });

  it('detects the last entry deleted, naming it, when a checkpoint covers it', async () => {
    await write(t.db, 20);
    const c = await checkpoint(t.db);
    await run('delete from audit_log where seq = 20');
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(new RegExp(`log ends at entry 19, but checkpoint ${c.fileName}.*names entry 20: entry 20 is missing`))]);
  });

  it('detects the last ten entries deleted, naming the range', async () => {
    await write(t.db, 30);
    await checkpoint(t.db);
    await run('delete from audit_log where seq > 20');
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems.join('\n')).toMatch(/entries 21–30 are missing \(10 entries\)/);
    expect(r.head.seq).toBe(20);
  });

  it('detects an entry deleted in the middle', async () => {
    await write(t.db, 10);
    await checkpoint(t.db);
    await run('delete from audit_log where seq = 6');
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['entry 6 is missing']);
  });

  it('detects one changed field', async () => {
    await write(t.db, 10);
    await checkpoint(t.db);
    await run(`update audit_log set details = '{"role":"admin"}' where seq = 4`);
    const r = await verify();
    expect(r.problems).toEqual(['entry 4 was changed after it was written']);
  });

  it('names an entry whose field was given another type, without failing itself', async () => {
    await write(t.db, 5);
    await run("update audit_log set details = x'7b7d' where seq = 3"); // '{}' as a BLOB
    await run("update audit_log set at = 'yesterday' where seq = 4");
    expect((await verify()).problems).toEqual(['entry 3 was changed after it was written', 'entry 4 was changed after it was written']);
  });

  it('detects a truncated log re-appended with forged entries whose chain is itself consistent', async () => {
    await write(t.db, 10);
    const c = await checkpoint(t.db);
    await run('delete from audit_log where seq > 7');
    // the attacker knows the hash function: the forged tail chains perfectly
    const [last] = (await t.db.all(sql`select hash from audit_log where seq = 7`)) as Array<{ hash: string }>;
    let prev = last!.hash;
    for (let seq = 8; seq <= 12; seq++) {
      const content = { seq, at: clock++, actorId: 'u1', action: 'user.update', subjectType: 'user', subjectId: 'forged', details: '{}' };
      const hash = entryHash(prev, content);
      await t.db.run(sql`insert into audit_log (seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash) values (${seq}, ${content.at}, 'u1', 'user.update', 'user', 'forged', '{}', ${prev}, ${hash})`);
      prev = hash;
    }
    expect((await verifyLog(t.db)).ok).toBe(true); // the chain alone cannot tell
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(new RegExp(`^entry 10 does not match checkpoint ${c.fileName}.*the log was rewritten`))]);
    expect(r.newestAnchor).toBeNull();
  });

  it('rejects a checkpoint file replaced by one signed with another key, and the tail it no longer protects is then open', async () => {
    await write(t.db, 10);
    const genuine = await checkpoint(t.db);
    await run('delete from audit_log where seq > 8');
    // a fresh checkpoint of the shortened log, signed by someone else, put in the genuine file's place
    const forged = await takeCheckpoint(t.db, { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lms-forge-')), identity: mallory, organisation: 'Example Advisory Ltd.', trigger: 'manual' });
    fs.rmSync(genuine.file);
    fs.writeFileSync(genuine.file, forged.text);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(new RegExp(`checkpoint ${genuine.fileName} is rejected: it is signed by another key`));
    expect(r.problems.length).toBeGreaterThan(1); // and the database still lists what the genuine file said
    expect((await checkCheckpointFile(genuine.file, forged.text, [mallory.fingerprintSha256])).ok).toBe(true);
  });

  it('accepts a copy that a mail client saved with CRLFs or with its lines run together', async () => {
    await write(t.db, 5);
    const c = await checkpoint(t.db);
    for (const copy of [c.text.replace(/\n/g, '\r\n'), c.text.replace(/\n/g, ' ')]) {
      expect(await checkCheckpointFile('mailed.checkpoint', copy, [org.fingerprintSha256])).toMatchObject({ ok: true, checkpoint: { seq: 5, hash: c.hash } });
    }
  });

  it('rejects a checkpoint whose signed line was edited', async () => {
    await write(t.db, 5);
    const c = await checkpoint(t.db);
    const edited = c.text.replace(`"seq":5`, `"seq":4`);
    const check = await checkCheckpointFile('x.checkpoint', edited, [org.fingerprintSha256]);
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/signature is not valid \(the signed content was changed\)/) });
  });

  it('names a checkpoint file deleted from the folder, and still uses what the database listed', async () => {
    await write(t.db, 10);
    const c = await checkpoint(t.db);
    fs.rmSync(c.file);
    await run('delete from audit_log where seq > 5');
    const r = await verify();
    expect(r.problems).toEqual([
      expect.stringMatching(new RegExp(`checkpoint ${c.fileName} \\(entry 10, taken .*\\) is missing from`)),
      expect.stringMatching(/log ends at entry 5, but checkpoint .*as the database lists it.*entries 6–10 are missing/),
    ]);
  });

  it('checks a copy kept elsewhere when the folder and the database list were both wiped', async () => {
    await write(t.db, 10);
    const c = await checkpoint(t.db);
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lms-mailbox-')), 'mailed.checkpoint');
    fs.copyFileSync(c.file, copy);
    fs.rmSync(checkpointsDir(t.dir), { recursive: true, force: true });
    await run('delete from log_checkpoints');
    await run('delete from audit_log where seq > 9');
    expect((await verify()).ok).toBe(true); // nothing left on the machine can tell
    const r = await verify([copy]);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(new RegExp(`log ends at entry 9, but checkpoint ${copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*entry 10 is missing`))]);
  });

  it('checks a checkpoint of an empty log against the genesis', async () => {
    const c = await checkpoint(t.db);
    expect(c).toMatchObject({ seq: 0, hash: GENESIS_HASH });
    expect((await verify()).ok).toBe(true);
  });

  it('verifies 20,000 entries and a checkpoint within a few seconds', async () => {
    const rows = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 20_000; seq++) {
      const content = { seq, at: clock++, actorId: 'u1', action: 'attempt.submit', subjectType: 'attempt', subjectId: `a${seq}`, details: JSON.stringify({ score: seq % 100 }) };
      const hash = entryHash(prev, content);
      rows.push({ ...content, prevHash: prev, hash });
      prev = hash;
    }
    const { auditLog } = await import('../../../db/schema.ts');
    for (let i = 0; i < rows.length; i += 1000) await t.db.insert(auditLog).values(rows.slice(i, i + 1000));
    await checkpoint(t.db);
    const r = await verify();
    expect(r).toMatchObject({ ok: true, entries: 20_000, afterNewestAnchor: 0 });
    expect(r.durationMs).toBeLessThan(4000); // generous for a shared CI machine; the bench measures 300,000
  });
});
