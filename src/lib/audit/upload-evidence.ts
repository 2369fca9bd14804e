import { evidence } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { AppError, notFound, unprocessable } from '../errors.ts';
import { newId, sha256Hex } from '../ids.ts';
import { appendLog } from '../log/append-log.ts';
import { assertAllowed, canWriteAudit, type Actor } from './audit-access.ts';
import { assertEditable } from './audit-state.ts';
import { storeEvidenceFile } from './evidence-store.ts';
import { cleanFileName, detectEvidenceType, MAX_EVIDENCE_BYTES } from './evidence-type.ts';
import { checklistOf, findAudit, hasItem } from './load-audit.ts';

export type UploadEvidenceOptions = { auditId: string; itemId: string; fileName: string; bytes: Uint8Array; actor: Actor; dataDir: string; now?: number };
export type EvidenceView = { id: string; itemId: string | null; fileName: string; mimeType: string; size: number; sha256: string; createdAt: number };

/** Attaches a photo or PDF (checked by content, at most 10 MB) to an item of a draft audit. */
export async function uploadEvidence(db: Db, o: UploadEvidenceOptions): Promise<EvidenceView> {
  if (o.bytes.length === 0) throw unprocessable('The file is empty').as('error.fileEmpty', { name: '' });
  if (o.bytes.length > MAX_EVIDENCE_BYTES) throw new AppError(413, `Evidence files are at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`).as('error.evidenceTooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
  const type = detectEvidenceType(o.bytes);
  if (!type) throw new AppError(415, 'Evidence must be a JPEG, PNG, WebP or HEIC photo, or a PDF').as('actions.error.fileType');

  // Checked before the file is written, and again in the transaction that records it.
  const audit = await findAudit(db, o.auditId);
  assertAllowed(canWriteAudit(o.actor, audit), 'Only the auditor of this audit may add evidence');
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
  await writeTransaction(db, async (tx) => {
    assertEditable(await findAudit(tx, o.auditId));
    await tx.insert(evidence).values(row);
    await appendLog(tx, { actorId: o.actor.id, action: 'audit.evidence', subjectType: 'audit', subjectId: o.auditId, details: { evidenceId: row.id, itemId: o.itemId, fileName: row.fileName, sha256, size: row.size }, at: row.createdAt });
  });
  return { id: row.id, itemId: row.itemId, fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256, createdAt: row.createdAt };
}
