// `npm run bench:log` (also part of `npm run bench`): how long `log verify` takes on a large log.
// Builds a temporary database with 300,000 chained entries (BENCH_LOG_ENTRIES), a signed checkpoint
// every 10,000, and 100 signed certificates anchored along the way (the last few after the newest
// checkpoint, so their PDF signatures are checked too); then times verifyLog over it, as
// `log verify` runs it. The last line printed is the figures, as JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auditLog, logCheckpoints, signedDocuments } from '../db/schema.ts';
import { drizzleFor, openClient } from '../src/lib/db/client.ts';
import { migrateDatabase } from '../src/lib/db/migrate.ts';
import { newId, newReadableCode, sha256Hex } from '../src/lib/ids.ts';
import { entryHash, GENESIS_HASH, type LogRow } from '../src/lib/log/hash-chain.ts';
import { takeCheckpoint } from '../src/lib/log/take-checkpoint.ts';
import { verifyLog } from '../src/lib/log/verify-log.ts';
import { renderCertificate } from '../src/lib/reports/render-certificate.ts';
import { loadSigningIdentity } from '../src/lib/reports/signing-identity.ts';

export type LogVerifyResult = { entries: number; checkpoints: number; documents: number; runs: number; medianMs: number; firstMs: number; ok: boolean; targetMs: number };

const ENTRIES = Math.max(10_000, Number(process.env.BENCH_LOG_ENTRIES) || 300_000);
const CHECKPOINT_EVERY = 10_000;
const DOCUMENTS = 100;
const ORG = 'Bench Org Ltd.';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-bench-log-'));
const client = await openClient(`file:${path.join(dir, 'lms.db')}`);
try {
  const db = drizzleFor(client);
  await migrateDatabase(db, path.resolve(import.meta.dirname, '../db/migrations'));
  const identity = await loadSigningIdentity({ dataDir: dir, organisation: ORG });
  const docEvery = Math.floor(ENTRIES / DOCUMENTS);
  const t0 = performance.now();
  let prev = GENESIS_HASH;
  let batch: LogRow[] = [];
  let at = Date.UTC(2026, 0, 1);
  const flush = async () => {
    for (let i = 0; i < batch.length; i += 1000) await db.insert(auditLog).values(batch.slice(i, i + 1000));
    batch = [];
  };
  for (let seq = 1; seq <= ENTRIES; seq++) {
    let details = JSON.stringify({ attemptId: newId(), score: seq % 101, passed: seq % 4 !== 0, courseVersion: 3 });
    let action = 'training.attempt';
    if (seq % docEvery === 0) {
      // a certificate signed after entry seq-1, recorded by entry seq, as issueCertificate does
      const id = newId();
      const verificationCode = newReadableCode();
      const bytes = await renderCertificate({ locale: 'en', certificateNumber: `C-${seq}`, holderName: `Person ${seq}`, courseTitle: 'Confidentiality', courseVersion: 3, completedAt: new Date(at), expiresAt: null, score: 90, organisation: ORG, verificationCode, logHead: { seq: seq - 1, hash: prev } }, identity);
      const sha256 = sha256Hex(bytes);
      await db.insert(signedDocuments).values({ id, kind: 'certificate', subjectId: `completion-${seq}`, sha256, verificationCode, signerName: identity.subjectCommonName, signedAt: at, bytes, logSeq: seq - 1, logHash: prev });
      action = 'certificate.issue';
      details = JSON.stringify({ documentId: id, sha256, certificateNumber: `C-${seq}` });
    }
    const content = { seq, at: at++, actorId: `user-${seq % 10_000}`, action, subjectType: 'attempt', subjectId: `a${seq}`, details };
    const hash = entryHash(prev, content);
    batch.push({ ...content, prevHash: prev, hash });
    prev = hash;
    if (seq % CHECKPOINT_EVERY === 0) {
      await flush();
      await takeCheckpoint(db, { dataDir: dir, identity, organisation: ORG, trigger: 'burst', now: at });
    }
  }
  await flush();
  await db.insert(auditLog).values(
    Array.from({ length: 37 }, (_, i) => {
      const content = { seq: ENTRIES + i + 1, at: at++, actorId: null, action: 'auth.login', subjectType: 'user', subjectId: 'u', details: '{}' };
      const row = { ...content, prevHash: prev, hash: entryHash(prev, content) };
      prev = row.hash;
      return row;
    }),
  ); // a few entries after the last checkpoint, as in life
  console.log(`Built ${ENTRIES + 37} entries, ${await db.$count(logCheckpoints)} checkpoints and ${DOCUMENTS} certificates in ${Math.round((performance.now() - t0) / 1000)} s.`);

  const times: number[] = [];
  let ok = true;
  for (let run = 0; run < 4; run++) {
    const started = performance.now();
    const r = await verifyLog(db, { dataDir: dir, trustedFingerprints: [identity.fingerprintSha256] });
    times.push(Math.round(performance.now() - started));
    ok &&= r.ok && r.entries === ENTRIES + 37 && r.afterNewestAnchor === 37;
    if (!r.ok) console.error(r.problems.slice(0, 5));
  }
  const [first, ...rest] = times;
  const result: LogVerifyResult = {
    entries: ENTRIES + 37,
    checkpoints: ENTRIES / CHECKPOINT_EVERY,
    documents: DOCUMENTS,
    runs: rest.length,
    medianMs: [...rest].sort((a, b) => a - b)[Math.floor(rest.length / 2)]!,
    firstMs: first!,
    ok,
    targetMs: 10_000,
  };
  console.log(`log verify: ${result.entries} entries, ${result.checkpoints} checkpoints, ${result.documents} signed documents: first ${result.firstMs} ms, median of ${result.runs} more ${result.medianMs} ms (target < ${result.targetMs} ms); ${ok ? 'intact' : 'NOT INTACT'}`);
  console.log(JSON.stringify(result));
} finally {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
