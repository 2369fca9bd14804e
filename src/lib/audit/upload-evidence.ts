import { eq } from 'drizzle-orm';
import { evidence } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { AppError, notFound, unprocessable } from '../errors.ts';
import { newId, sha256Hex } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { assertSameChange, findAppliedChange, isDuplicateChangeError, rememberAppliedChange, type ChangeTarget } from '../offline/applied-changes.ts';
import { assertAllowed, canWriteAudit, type Actor } from './audit-access.ts';
import { assertEditable } from './audit-state.ts';
import { storeEvidenceFile } from './evidence-store.ts';
import { cleanFileName, detectEvidenceType, MAX_EVIDENCE_BYTES } from './evidence-type.ts';
import { checklistOf, findAudit, hasItem } from './load-audit.ts';

export type UploadEvidenceOptions = {
  auditId: string;
  itemId: string;
  fileName: string;
  bytes: Uint8Array;
  actor: Actor;
  dataDir: string;
  /** The device's id for this upload: sent again with the same id, the file is attached once. */
  changeId?: string;
  now?: number;
};
export type EvidenceView = { id: string; itemId: string | null; fileName: string; mimeType: string; size: number; sha256: string; createdAt: number };

/** The evidence row a change id attached before, if it did. */
async function alreadyAttached(db: Db | Tx, changeId: string | undefined, target: ChangeTarget): Promise<EvidenceView | null> {
  if (!changeId) return null;
  const done = await findAppliedChange(db, changeId);
  if (!done) return null;
  assertSameChange(done, target);
  const [f] = await db.select().from(evidence).where(eq(evidence.id, done.evidenceId!));
  return { id: f!.id, itemId: f!.itemId, fileName: f!.fileName, mimeType: f!.mimeType, size: f!.size, sha256: f!.sha256, createdAt: f!.createdAt };
}

/** Attaches a photo or PDF (checked by content, at most 10 MB) to an item of a draft audit; `applied` is false for a resent change id. */
export async function uploadEvidence(db: Db, o: UploadEvidenceOptions): Promise<EvidenceView & { applied: boolean }> {
  if (o.bytes.length === 0) throw unprocessable('The file is empty').as('error.fileEmpty', { name: '' });
  if (o.bytes.length > MAX_EVIDENCE_BYTES) throw new AppError(413, `Evidence files are at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`).as('error.evidenceTooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
  const type = detectEvidenceType(o.bytes);
  if (!type) throw new AppError(415, 'Evidence must be a JPEG, PNG, WebP or HEIC photo, or a PDF').as('actions.error.fileType');

  // Checked before the file is written, and again in the transaction that records it.
  const audit = await findAudit(db, o.auditId);
  assertAllowed(canWriteAudit(o.actor, audit), 'Only the auditor of this audit may add evidence');
  const target: ChangeTarget = { auditId: o.auditId, itemId: o.itemId, kind: 'evidence', actorId: o.actor.id };
  // a resend of an upload that was attached (even before the audit was signed) answers with what was attached
  const before = await alreadyAttached(db, o.changeId, target);
  if (before) return { ...before, applied: false };
  assertEditable(audit);
  if (!hasItem(checklistOf(audit), o.itemId)) throw notFound(`The checklist has no item "${o.itemId}"`).as('error.noSuchItem', { item: o.itemId });

  const sha256 = sha256Hex(o.bytes);
  const storagePath = storeEvidenceFile(o.dataDir, sha256, o.bytes);
  const row = {
    id: newId(),
    auditId: o.auditId,
    itemId: o.itemId,
    fileName: cleanFileName(o.fileName, type.extension),
    mimeType: type.mime,
    size: o.bytes.length,
    sha256,
    storagePath,
    uploadedBy: o.actor.id,
    createdAt: o.now ?? Date.now(),
  };
  const attach = () =>
    writeTransaction(db, async (tx) => {
      // two copies of one upload in flight at once: the second finds the first here
      const raced = await alreadyAttached(tx, o.changeId, target);
      if (raced) return { ...raced, applied: false };
      assertEditable(await findAudit(tx, o.auditId));
      await tx.insert(evidence).values(row);
      if (o.changeId) await rememberAppliedChange(tx, { ...target, changeId: o.changeId, evidenceId: row.id, appliedAt: row.createdAt });
      await appendLog(tx, {
        actorId: o.actor.id,
        action: 'audit.evidence',
        subjectType: 'audit',
        subjectId: o.auditId,
        details: { evidenceId: row.id, itemId: o.itemId, fileName: row.fileName, sha256, size: row.size, ...(o.changeId ? { changeId: o.changeId } : {}) },
        at: row.createdAt,
      });
      return { id: row.id, itemId: row.itemId, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256, createdAt: row.createdAt, applied: true };
    });
  try {
    return await attach();
  } catch (err) {
    if (o.changeId && isDuplicateChangeError(err)) return attach();
    throw err;
  }
}
