// Every signed document records the log head it was signed after, in the signed PDF and in its row.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, audits, signedDocuments } from '../../../db/schema.ts';
import { issueFollowUpReport } from '../../../src/lib/audit/issue-follow-up-report.ts';
import { entryHash } from '../../../src/lib/log/hash-chain.ts';
import { readPdfLogHead } from '../../../src/lib/log/pdf-log-head.ts';
import { verifyLog } from '../../../src/lib/log/verify-log.ts';
import { loadSigningIdentity } from '../../../src/lib/reports/signing-identity.ts';
import { verifyPdfSignature } from '../../../src/lib/reports/verify-pdf-signature.ts';
import { issueCertificate } from '../../../src/lib/training/issue-certificate.ts';
import { submitAttempt } from '../../../src/lib/training/submit-attempt.ts';
import { ORGANISATION, openActionsDb, signedAuditWithActions, type Person } from '../actions/support.ts';
import { answersFor } from '../training/fixtures.ts';

let t: Awaited<ReturnType<typeof openActionsDb>>;
let auditor: Person;
let employee: Person;
let fingerprint: string;
beforeAll(async () => {
  t = await openActionsDb();
  [auditor, employee] = [await t.person('auditor'), await t.person('employee')];
  fingerprint = (await loadSigningIdentity({ dataDir: t.dataDir, organisation: ORGANISATION })).fingerprintSha256;
});
afterAll(() => t?.close());

const verify = () => verifyLog(t.db, { dataDir: t.dataDir, trustedFingerprints: [fingerprint] });
/** The log entry that records a document's signing, and the one just before it. */
async function entriesAround(documentId: string) {
  const rows = await t.db.select().from(auditLog).orderBy(auditLog.seq);
  const own = rows.find((r) => r.details.includes(documentId))!;
  return { own, before: rows.find((r) => r.seq === own.seq - 1)! };
}
function pdfText(bytes: Buffer): string {
  const file = path.join(t.dataDir, `doc-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('log anchors in signed documents', () => {
  it('an audit report records the entry before its own signing entry, in its row, its PDF text and its signed information', async () => {
    const { auditId } = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 1 });
    const [doc] = await t.db.select().from(signedDocuments).where(and(eq(signedDocuments.kind, 'audit_report'), eq(signedDocuments.subjectId, auditId)));
    const { own, before } = await entriesAround(doc!.id);
    expect(own.action).toBe('audit.sign');
    expect(doc).toMatchObject({ logSeq: before.seq, logHash: before.hash });
    expect(readPdfLogHead(doc!.bytes)).toEqual({ seq: before.seq, hash: before.hash });
    expect(pdfText(doc!.bytes).replace(/\s+/g, ' ')).toContain(`Audit log at signing: entry ${before.seq}, SHA-256 ${before.hash}`);
    expect((await verifyPdfSignature(doc!.bytes)).valid).toBe(true);
    expect((await verify()).problems).toEqual([]);
  });

  it('a certificate and a follow-up report record the head too', async () => {
    const { completion } = await submitAttempt({ db: t.db, userId: employee.id, courseSlug: 'confidentiality', locale: 'en', answers: answersFor('confidentiality') });
    await issueCertificate({ db: t.db, completionId: completion!.id, viewer: employee, signing: { dataDir: t.dataDir, organisation: ORGANISATION } });
    const { auditId } = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 2 });
    const followUp = await issueFollowUpReport(t.db, { auditId, actor: auditor, signing: { dataDir: t.dataDir, organisation: ORGANISATION } });
    for (const kind of ['certificate', 'follow_up_report'] as const) {
      const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.kind, kind)).orderBy(desc(signedDocuments.signedAt)).limit(1);
      const { own, before } = await entriesAround(doc!.id);
      expect(own.action).toBe(kind === 'certificate' ? 'certificate.issue' : 'action.follow_up_report');
      expect(doc).toMatchObject({ logSeq: before.seq, logHash: before.hash });
      expect(readPdfLogHead(doc!.bytes)).toEqual({ seq: before.seq, hash: before.hash });
    }
    expect(pdfText(followUp.bytes)).toMatch(/Audit log at signing: entry \d+/);
    const r = await verify();
    expect(r.problems).toEqual([]);
    expect(r.newestAnchor).toMatchObject({ kind: 'document', name: expect.stringContaining('follow up report') });
  });

  it('names the signing entry cut off the end of the log, and a document row deleted, and an anchor column rewritten', async () => {
    const { auditId } = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 0 });
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.subjectId, auditId));
    const { own } = await entriesAround(doc!.id);
    const [newest] = (await t.db.all(sql`select max(seq) as max from audit_log`)) as Array<{ max: number }>;
    expect(own.seq).toBe(newest!.max); // the signing is the newest entry: exactly what a tail cut removes

    await t.db.delete(auditLog).where(eq(auditLog.seq, own.seq));
    const cut = await verify();
    expect(cut.ok).toBe(false);
    expect(cut.problems).toEqual([expect.stringMatching(new RegExp(`audit report ${doc!.id}: no log entry records its signing`))]);
    await t.db.insert(auditLog).values(own);

    await t.db.update(signedDocuments).set({ logSeq: 1 }).where(eq(signedDocuments.id, doc!.id));
    expect((await verify()).problems).toEqual([expect.stringMatching(new RegExp(`audit report ${doc!.id} .*its database row names entry 1 .*its signed PDF entry ${doc!.logSeq}`))]);

    await t.db.update(signedDocuments).set({ logSeq: null, logHash: null }).where(eq(signedDocuments.id, doc!.id));
    expect((await verify()).problems).toEqual([expect.stringMatching(new RegExp(`audit report ${doc!.id} .*its PDF records entry ${doc!.logSeq}, but the anchor in its database row was removed`))]);

    await t.db.update(signedDocuments).set({ logSeq: doc!.logSeq, logHash: doc!.logHash }).where(eq(signedDocuments.id, doc!.id));
    await t.db.update(audits).set({ reportId: null }).where(eq(audits.id, auditId)); // the foreign key would refuse the delete
    await t.db.delete(signedDocuments).where(eq(signedDocuments.id, doc!.id));
    const gone = await verify();
    expect(gone.problems).toEqual([`entry ${own.seq} (audit.sign) names signed document ${doc!.id}, which is missing from signed_documents`]);
    await t.db.insert(signedDocuments).values(doc!);
    await t.db.update(audits).set({ reportId: doc!.id }).where(eq(audits.id, auditId));
    expect((await verify()).ok).toBe(true);
  });

  it('does not take a log head from a PDF whose signature no longer holds', async () => {
    const { auditId } = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 0 });
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.subjectId, auditId));
    // rewrite the head inside the PDF (same length) and the row to match: the signature breaks
    const forgedHash = 'f'.repeat(64);
    const bytes = Buffer.from(doc!.bytes.toString('latin1').replace(doc!.logHash!, forgedHash), 'latin1');
    await t.db.update(signedDocuments).set({ bytes, logHash: forgedHash }).where(eq(signedDocuments.id, doc!.id));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(new RegExp(`audit report ${doc!.id}: its PDF signature does not hold`))]);
    await t.db.update(signedDocuments).set({ bytes: doc!.bytes, logHash: doc!.logHash }).where(eq(signedDocuments.id, doc!.id));
  });

  // last: it rewrites the log and removes every stored document
  it('checks a signed PDF kept elsewhere against the log, even when its row is gone', async () => {
    const { auditId } = await signedAuditWithActions(t.db, t.dataDir, auditor, { failures: 0 });
    const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.subjectId, auditId));
    const copy = path.join(t.dataDir, 'client-copy.pdf');
    fs.writeFileSync(copy, doc!.bytes);
    const withCopy = () => verifyLog(t.db, { dataDir: t.dataDir, trustedFingerprints: [fingerprint], documentFiles: [copy] });
    expect((await withCopy()).problems).toEqual([]);
    // rewrite the entry the report was signed after, recomputing hashes onward: the chain holds again
    const rows = await t.db.select().from(auditLog).where(gte(auditLog.seq, doc!.logSeq!)).orderBy(auditLog.seq);
    let prev = rows[0]!.prevHash;
    for (const row of rows) {
      const changed = { ...row, details: row.seq === doc!.logSeq ? '{"forged":true}' : row.details, prevHash: prev };
      changed.hash = entryHash(prev, changed);
      await t.db.update(auditLog).set({ details: changed.details, prevHash: changed.prevHash, hash: changed.hash }).where(eq(auditLog.seq, row.seq));
      prev = changed.hash;
    }
    await t.db.update(audits).set({ reportId: null }); // the foreign key would refuse the delete
    await t.db.delete(signedDocuments); // and every stored document with it
    const r = await withCopy();
    expect(r.ok).toBe(false);
    const escaped = copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(r.problems).toContainEqual(expect.stringMatching(new RegExp(`^entry ${doc!.logSeq} does not match document ${escaped}, taken .*: it recorded hash ${doc!.logHash!.slice(0, 12)}…, .*the log was rewritten from entry ${doc!.logSeq} or earlier`)));
  });
});
