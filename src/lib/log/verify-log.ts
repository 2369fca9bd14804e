// `log verify`: the hash chain, and every anchor outside it. The chain alone shows a changed or
// deleted entry in the middle; only anchors (signed checkpoint files, the log head each signed
// PDF records) show that entries were cut off the end, or that the log was rewritten from some
// entry on. Problems are collected, not just the first, so each is named.
import fs from 'node:fs';
import { asc, inArray, sql } from 'drizzle-orm';
import { auditLog, logCheckpoints, signedDocuments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { verifyPdfSignature } from '../reports/verify-pdf-signature.ts';
import { CHECKPOINT_EXTENSION, checkCheckpointFile } from './checkpoint-file.ts';
import type { LogHead } from './current-log-head.ts';
import { entryHash, GENESIS_HASH, type LogRow } from './hash-chain.ts';
import { PDF_LOG_HEAD_PREFIX, readPdfLogHead } from './pdf-log-head.ts';
import { checkpointsDir } from './take-checkpoint.ts';

/** A record outside the table of what entry `seq`'s hash was at time `at`. */
export type Anchor = { name: string; kind: 'checkpoint' | 'document'; seq: number; hash: string; at: number };

export type LogVerification = {
  ok: boolean;
  /** Entries read from the table. */
  entries: number;
  head: LogHead;
  problems: string[];
  checked: { checkpoints: number; documents: number; unanchoredDocuments: number };
  /** The valid, matching anchor with the highest entry: everything after it could still be cut unnoticed. */
  newestAnchor: Anchor | null;
  afterNewestAnchor: number;
  durationMs: number;
};

export type VerifyLogOptions = {
  /** Where checkpoints/ lives; without it only the table and the signed documents are checked. */
  dataDir?: string;
  /** SHA-256 fingerprints of the certificates whose signatures count (the organisation's). */
  trustedFingerprints?: readonly string[];
  /** Further checkpoint files to check, e.g. copies kept elsewhere. */
  checkpointFiles?: readonly string[];
  pageSize?: number;
};

// The log entries that record a signed document's issue; each names it by documentId or reportId.
const SIGNING_ACTIONS = new Set(['audit.sign', 'certificate.issue', 'action.follow_up_report']);

/** Checks the chain and every anchor; never stops at the first problem. */
export async function verifyLog(db: Db, o: VerifyLogOptions = {}): Promise<LogVerification> {
  const started = performance.now();
  const problems: string[] = [];
  const trusted = o.trustedFingerprints ?? [];
  const anchors: Anchor[] = [];
  const checked = { checkpoints: 0, documents: 0, unanchoredDocuments: 0 };

  // Checkpoint files: the folder, any copies named, and the database's list of what was written.
  const files = new Map<string, string>();
  const dir = o.dataDir ? checkpointsDir(o.dataDir) : undefined;
  if (dir && fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith(CHECKPOINT_EXTENSION)) files.set(`${dir}/${name}`, name);
  }
  for (const file of o.checkpointFiles ?? []) files.set(file, file);
  const validFiles = new Map<string, Anchor>();
  for (const [file, label] of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`checkpoint ${label} cannot be read: ${(error as Error).message}`);
      continue;
    }
    checked.checkpoints++;
    const c = await checkCheckpointFile(file, text, trusted);
    if (!c.ok) {
      problems.push(`checkpoint ${label} is rejected: ${c.reason}`);
      continue;
    }
    const anchor: Anchor = { name: `checkpoint ${label}`, kind: 'checkpoint', seq: c.checkpoint.seq, hash: c.checkpoint.hash, at: c.checkpoint.at };
    anchors.push(anchor);
    validFiles.set(c.name, anchor);
  }
  if (dir) {
    for (const row of await db.select().from(logCheckpoints).orderBy(asc(logCheckpoints.seq))) {
      const file = validFiles.get(row.fileName);
      if (!files.has(`${dir}/${row.fileName}`)) {
        problems.push(`checkpoint ${row.fileName} (entry ${row.seq}, taken ${iso(row.at)}) is missing from ${dir}`);
        anchors.push({ name: `checkpoint ${row.fileName} (as the database lists it)`, kind: 'checkpoint', seq: row.seq, hash: row.hash, at: row.at });
      } else if (file && (file.seq !== row.seq || file.hash !== row.hash)) {
        problems.push(`checkpoint ${row.fileName}: the database lists entry ${row.seq} with hash ${short(row.hash)}, the signed file says entry ${file.seq} with ${short(file.hash)}`);
      }
    }
  }

  // Signed documents: the anchor in their row must be the one inside the signed PDF.
  const newestCheckpointSeq = Math.max(-1, ...[...validFiles.values()].map((a) => a.seq));
  const documents = await db
    .select({
      id: signedDocuments.id,
      kind: signedDocuments.kind,
      subjectId: signedDocuments.subjectId,
      signedAt: signedDocuments.signedAt,
      logSeq: signedDocuments.logSeq,
      logHash: signedDocuments.logHash,
      embedded: sql<Uint8Array | null>`substr(${signedDocuments.bytes}, nullif(instr(${signedDocuments.bytes}, cast(${`(${PDF_LOG_HEAD_PREFIX}`} as blob)), 0), 100)`,
    })
    .from(signedDocuments);
  const documentIds = new Set<string>();
  const documentAnchors = new Map<string, Anchor>();
  for (const d of documents) {
    documentIds.add(d.id);
    const name = `${d.kind.replace(/_/g, ' ')} ${d.id} (of ${d.subjectId}, signed ${iso(d.signedAt)})`;
    const inPdf = d.embedded ? readPdfLogHead(d.embedded) : null;
    if (d.logSeq === null || d.logHash === null) {
      if (inPdf) problems.push(`${name}: its PDF records entry ${inPdf.seq}, but the anchor in its database row was removed`);
      else checked.unanchoredDocuments++; // signed before anchors existed
      if (!inPdf) continue;
    }
    checked.documents++;
    if (!inPdf) {
      problems.push(`${name}: its database row names entry ${d.logSeq}, but its PDF records no log head`);
      continue;
    }
    if (d.logSeq !== null && (inPdf.seq !== d.logSeq || inPdf.hash !== d.logHash)) {
      problems.push(`${name}: its database row names entry ${d.logSeq} with hash ${short(d.logHash ?? '')}, its signed PDF entry ${inPdf.seq} with ${short(inPdf.hash)}`);
    }
    documentAnchors.set(d.id, { name, kind: 'document', seq: inPdf.seq, hash: inPdf.hash, at: d.signedAt });
  }
  // A PDF's log head counts only if its signature holds. Documents anchored at or after the newest
  // checkpoint are the only anchors of their entries, so their signatures are checked; older
  // entries are covered by that checkpoint (and /verify checks any single PDF).
  const toCheckSignature = [...documentAnchors].filter(([, a]) => a.seq >= newestCheckpointSeq).map(([id]) => id);
  for (let i = 0; i < toCheckSignature.length; i += 50) {
    const batch = await db.select({ id: signedDocuments.id, kind: signedDocuments.kind, bytes: signedDocuments.bytes }).from(signedDocuments).where(inArray(signedDocuments.id, toCheckSignature.slice(i, i + 50)));
    for (const d of batch) {
      const s = await verifyPdfSignature(Buffer.from(d.bytes));
      const bad = !s.valid ? s.reason : trusted.length > 0 && !trusted.includes(s.certificateFingerprintSha256 ?? '') ? 'it is signed by another key than the organisation’s' : null;
      if (bad) {
        problems.push(`${d.kind.replace(/_/g, ' ')} ${d.id}: its PDF signature does not hold (${bad}), so the log head it records proves nothing`);
        documentAnchors.delete(d.id);
      }
    }
  }
  anchors.push(...documentAnchors.values());

  // The chain, page by page; anchors are checked against the entries as they pass.
  const bySeq = new Map<number, Anchor[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  const mismatched = new Set<Anchor>();
  const seen = new Set<number>();
  const namedDocuments = new Set<string>();
  const pageSize = o.pageSize ?? 5000;
  let prev = { seq: 0, hash: GENESIS_HASH };
  let entries = 0;
  const checkAnchorsAt = (seq: number, hash: string) => {
    for (const a of bySeq.get(seq) ?? []) {
      seen.add(seq);
      if (a.hash !== hash) {
        mismatched.add(a);
        problems.push(`entry ${seq} does not match ${a.name}, taken ${iso(a.at)}: it recorded hash ${short(a.hash)}, the log now has ${short(hash)}; the log was rewritten from entry ${seq} or earlier`);
      }
    }
  };
  checkAnchorsAt(0, GENESIS_HASH);
  for (;;) {
    const rows = await logPage(db, prev.seq, pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      entries++;
      if (row.seq !== prev.seq + 1) problems.push(missing(prev.seq + 1, row.seq - 1));
      else if (row.prevHash !== prev.hash) problems.push(`entry ${row.seq} does not follow entry ${prev.seq}`);
      if (entryHash(row.prevHash, row) !== row.hash) problems.push(`entry ${row.seq} was changed after it was written`);
      checkAnchorsAt(row.seq, row.hash);
      if (row.details.includes('"documentId"') || row.details.includes('"reportId"')) {
        const details = safeJson(row.details);
        const id = details.documentId ?? details.reportId;
        if (typeof id === 'string') {
          namedDocuments.add(id);
          if (SIGNING_ACTIONS.has(row.action) && !documentIds.has(id)) problems.push(`entry ${row.seq} (${row.action}) names signed document ${id}, which is missing from signed_documents`);
        }
      }
      prev = { seq: row.seq, hash: row.hash };
    }
  }
  const head = prev;

  // Anchors naming entries the table no longer holds.
  for (const a of anchors) {
    if (seen.has(a.seq)) continue;
    if (a.seq > head.seq) problems.push(`the log ends at entry ${head.seq}, but ${a.name}, taken ${iso(a.at)}, names entry ${a.seq}: ${missing(head.seq + 1, a.seq)}`);
    else problems.push(`${a.name}, taken ${iso(a.at)}, names entry ${a.seq}, which is missing`);
    mismatched.add(a);
  }
  for (const d of documents) {
    if (d.logSeq !== null && !namedDocuments.has(d.id)) problems.push(`${d.kind.replace(/_/g, ' ')} ${d.id}: no log entry records its signing (its entry, after entry ${d.logSeq}, was removed)`);
  }

  const good = anchors.filter((a) => !mismatched.has(a));
  const newestAnchor = good.reduce<Anchor | null>((best, a) => (!best || a.seq > best.seq || (a.seq === best.seq && a.at > best.at) ? a : best), null);
  return {
    ok: problems.length === 0,
    entries,
    head,
    problems,
    checked,
    newestAnchor,
    afterNewestAnchor: head.seq - (newestAnchor?.seq ?? 0),
    durationMs: Math.round(performance.now() - started),
  };
}

type PageRow = [number, number, string | null, string, string | null, string | null, string, string, string];

/**
 * The next `limit` entries after `after`, in order. SQLite hands the page over as one JSON array,
 * which reads about twice as fast as row objects: reading, not hashing, is most of the work.
 */
async function logPage(db: Db, after: number, limit: number): Promise<LogRow[]> {
  const [page] = await db.all<{ page: string }>(sql`
    select json_group_array(json_array(seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)) as page
    from (select * from ${auditLog} where ${auditLog.seq} > ${after} order by ${auditLog.seq} limit ${limit})`);
  const rows = (JSON.parse(page?.page ?? '[]') as PageRow[]).map(([seq, at, actorId, action, subjectType, subjectId, details, prevHash, hash]) => ({ seq, at, actorId, action, subjectType, subjectId, details, prevHash, hash }));
  return rows.sort((a, b) => a.seq - b.seq); // already in order; sorting costs nothing then, and guards the walk
}

function missing(from: number, to: number): string {
  return from === to ? `entry ${from} is missing` : `entries ${from}–${to} are missing (${to - from + 1} entries)`;
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function safeJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
