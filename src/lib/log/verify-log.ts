// `log verify`: the hash chain, and every anchor outside it. The chain alone shows a changed or
// deleted entry in the middle; only anchors (signed checkpoint files, the log head each signed
// PDF records) show that entries were cut off the end, or that the log was rewritten from some
// entry on. Problems are collected, not just the first, so each is named.
import { asc, gt, sql } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { iso, short, type Anchor } from './anchor.ts';
import { checkpointAnchors } from './checkpoint-anchors.ts';
import type { LogHead } from './current-log-head.ts';
import { documentAnchors } from './document-anchors.ts';
import { entryHash, GENESIS_HASH, type LogRow } from './hash-chain.ts';
import { checkpointsDir } from './take-checkpoint.ts';

export type { Anchor } from './anchor.ts';

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
  /** Signed PDFs kept elsewhere whose recorded log head is checked too. */
  documentFiles?: readonly string[];
  pageSize?: number;
};

// The log entries that record a signed document's issue; each names it by documentId or reportId.
const SIGNING_ACTIONS = new Set(['audit.sign', 'certificate.issue', 'action.follow_up_report', 'evidence_pack.issue']);

/** Checks the chain and every anchor; never stops at the first problem. */
export async function verifyLog(db: Db, o: VerifyLogOptions = {}): Promise<LogVerification> {
  const started = performance.now();
  const trustedFingerprints = o.trustedFingerprints ?? [];
  const checkpoints = await checkpointAnchors(db, { dir: o.dataDir ? checkpointsDir(o.dataDir) : undefined, files: o.checkpointFiles ?? [], trustedFingerprints });
  const documents = await documentAnchors(db, { trustedFingerprints, coveredUpTo: checkpoints.newestSignedSeq, files: o.documentFiles ?? [] });
  const problems = [...checkpoints.problems, ...documents.problems];
  const anchors = [...checkpoints.anchors, ...documents.anchors];
  const checked = { checkpoints: checkpoints.files, documents: documents.counts.documents, unanchoredDocuments: documents.counts.unanchored };
  const documentIds = documents.ids;

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
      if (typeof row.details === 'string' && (row.details.includes('"documentId"') || row.details.includes('"reportId"'))) {
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
  for (const [id, d] of documents.anchoredIds) {
    if (!namedDocuments.has(id)) problems.push(`${d.kind.replace(/_/g, ' ')} ${id}: no log entry records its signing (its entry, after entry ${d.logSeq}, was removed)`);
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
  const page = await db
    .all<{ page: string }>(sql`
      select json_group_array(json_array(seq, at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)) as page
      from (select * from ${auditLog} where ${auditLog.seq} > ${after} order by ${auditLog.seq} limit ${limit})`)
    .then(([p]) => p, () => null);
  // JSON cannot hold a BLOB, which a tampered row may; such a page is read the slow way (and its row reported as changed)
  if (!page) return db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(limit);
  const rows = (JSON.parse(page.page ?? '[]') as PageRow[]).map(([seq, at, actorId, action, subjectType, subjectId, details, prevHash, hash]) => ({ seq, at, actorId, action, subjectType, subjectId, details, prevHash, hash }));
  return rows.sort((a, b) => a.seq - b.seq); // already in order; sorting costs nothing then, and guards the walk
}

function missing(from: number, to: number): string {
  return from === to ? `entry ${from} is missing` : `entries ${from}–${to} are missing (${to - from + 1} entries)`;
}

function safeJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
