import fs from 'node:fs';
import { inArray, sql } from 'drizzle-orm';
import { signedDocuments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { verifyPdfSignature } from '../reports/verify-pdf-signature.ts';
import { iso, short, type Anchor, type AnchorFindings } from './anchor.ts';
import { PDF_LOG_HEAD_PREFIX, readPdfLogHead } from './pdf-log-head.ts';

export type DocumentAnchorsOptions = {
  trustedFingerprints: readonly string[];
  /** Entries up to here are covered by a valid checkpoint: older documents' signatures need not be checked. */
  coveredUpTo: number;
  /** Signed PDFs kept elsewhere (e.g. a client's copy of a report). */
  files: readonly string[];
};

export type DocumentAnchorFindings = AnchorFindings & {
  /** Every document in the table, and those that record a log head. */
  ids: Set<string>;
  anchoredIds: Map<string, { kind: string; logSeq: number }>;
  counts: { documents: number; unanchored: number };
};

const label = (kind: string) => kind.replace(/_/g, ' ');

/**
 * The log head each signed document records. A row's columns must agree with the head inside its
 * signed PDF, and a PDF's head counts only if its signature holds and is the organisation's. PDFs
 * are read only where that matters: documents anchored after the newest checkpoint (the only
 * anchors of their entries; older entries are covered by that checkpoint, and /verify checks any
 * one PDF), and rows without an anchor (signed before documents recorded one, or erased since).
 */
export async function documentAnchors(db: Db, o: DocumentAnchorsOptions): Promise<DocumentAnchorFindings> {
  const problems: string[] = [];
  const found = new Map<string, Anchor>();
  const ids = new Set<string>();
  const anchoredIds = new Map<string, { kind: string; logSeq: number }>();
  const counts = { documents: 0, unanchored: 0 };
  const names = new Map<string, string>();
  const signedAt = new Map<string, number>();
  const rows = await db
    .select({ id: signedDocuments.id, kind: signedDocuments.kind, subjectId: signedDocuments.subjectId, signedAt: signedDocuments.signedAt, logSeq: signedDocuments.logSeq, logHash: signedDocuments.logHash })
    .from(signedDocuments); // answered from the covering index, without reading the PDFs
  const toRead: string[] = [];
  const unanchored: string[] = [];
  for (const d of rows) {
    ids.add(d.id);
    const name = `${label(d.kind)} ${d.id} (of ${d.subjectId}, signed ${iso(d.signedAt)})`;
    names.set(d.id, name);
    signedAt.set(d.id, d.signedAt);
    if (d.logSeq === null || d.logHash === null) {
      unanchored.push(d.id);
      continue;
    }
    counts.documents++;
    anchoredIds.set(d.id, { kind: d.kind, logSeq: d.logSeq });
    found.set(d.id, { name, kind: 'document', seq: d.logSeq, hash: d.logHash, at: d.signedAt });
    if (d.logSeq > o.coveredUpTo) toRead.push(d.id);
  }

  // Rows without an anchor: only a few bytes around a head, if the PDF has one, leave the database.
  for (let i = 0; i < unanchored.length; i += 500) {
    const heads = await db
      .select({ id: signedDocuments.id, embedded: sql<Uint8Array | null>`substr(${signedDocuments.bytes}, nullif(instr(${signedDocuments.bytes}, cast(${`(${PDF_LOG_HEAD_PREFIX}`} as blob)), 0), 100)` })
      .from(signedDocuments)
      .where(inArray(signedDocuments.id, unanchored.slice(i, i + 500)));
    for (const d of heads) {
      const inPdf = d.embedded ? readPdfLogHead(d.embedded) : null;
      if (!inPdf) counts.unanchored++; // signed before documents recorded the head
      else {
        problems.push(`${names.get(d.id)}: its PDF records entry ${inPdf.seq}, but the anchor in its database row was removed`);
        toRead.push(d.id);
      }
    }
  }

  for (let i = 0; i < toRead.length; i += 50) {
    const batch = await db.select({ id: signedDocuments.id, kind: signedDocuments.kind, bytes: signedDocuments.bytes }).from(signedDocuments).where(inArray(signedDocuments.id, toRead.slice(i, i + 50)));
    for (const d of batch) {
      const name = names.get(d.id)!;
      const bytes = Buffer.from(d.bytes);
      const inPdf = readPdfLogHead(bytes);
      const row = found.get(d.id);
      const bad = await signatureProblem(bytes, o.trustedFingerprints);
      if (bad) {
        problems.push(`${label(d.kind)} ${d.id}: its PDF signature does not hold (${bad}), so the log head it records proves nothing`);
        found.delete(d.id);
      } else if (!inPdf) {
        problems.push(`${name}: its database row names entry ${row?.seq}, but its signed PDF records no log head`);
      } else if (!row) {
        found.set(d.id, { name, kind: 'document', seq: inPdf.seq, hash: inPdf.hash, at: signedAt.get(d.id)! });
      } else if (inPdf.seq !== row.seq || inPdf.hash !== row.hash) {
        problems.push(`${name}: its database row names entry ${row.seq} with hash ${short(row.hash)}, its signed PDF entry ${inPdf.seq} with ${short(inPdf.hash)}`);
        found.set(d.id, { ...row, seq: inPdf.seq, hash: inPdf.hash }); // the signed head is the anchor
      }
    }
  }

  const anchors = [...found.values()];
  for (const file of o.files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      problems.push(`document ${file} cannot be read: ${(error as Error).message}`);
      continue;
    }
    const bad = await signatureProblem(bytes, o.trustedFingerprints);
    const head = readPdfLogHead(bytes);
    if (bad) problems.push(`document ${file} is rejected: ${bad}`);
    else if (!head) problems.push(`document ${file} records no log head`);
    else {
      counts.documents++;
      anchors.push({ name: `document ${file}`, kind: 'document', seq: head.seq, hash: head.hash, at: (await verifyPdfSignature(bytes)).signedAt?.getTime() ?? 0 });
    }
  }
  return { anchors, problems, ids, anchoredIds, counts };
}

async function signatureProblem(bytes: Buffer, trusted: readonly string[]): Promise<string | null> {
  const s = await verifyPdfSignature(bytes);
  if (!s.valid) return s.reason ?? 'the signature is not valid';
  if (trusted.length > 0 && !trusted.includes(s.certificateFingerprintSha256 ?? '')) return 'it is signed by another key than the organisation’s';
  return null;
}
