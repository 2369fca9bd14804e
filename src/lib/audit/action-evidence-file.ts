// An evidence file for a corrective action, under the same rules as audit evidence (type by
// content, at most 10 MB, stored by SHA-256): this wraps the audit's evidence helpers, whose
// upload operation is tied to an item of a draft audit.
import { evidence } from '../../../db/schema.ts';
import { AppError, unprocessable } from '../errors.ts';
import { newId, sha256Hex } from '../ids.ts';
import { storeEvidenceFile } from './evidence-store.ts';
import { cleanFileName, detectEvidenceType, MAX_EVIDENCE_BYTES } from './evidence-type.ts';

export type IncomingFile = { fileName: string; bytes: Uint8Array };
export type EvidenceRow = typeof evidence.$inferInsert;

/** At most this many files in one request. */
export const MAX_FILES_PER_REQUEST = 10;

/** Checks a file is an accepted photo or PDF within the size limit; returns its type. */
export function checkEvidenceFile(file: IncomingFile) {
  if (file.bytes.length === 0) throw unprocessable(`The file "${file.fileName}" is empty`).as('error.fileEmpty', { name: file.fileName });
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw new AppError(413, `Evidence files are at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`).as('error.evidenceTooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
  const type = detectEvidenceType(file.bytes);
  if (!type) throw new AppError(415, 'Evidence must be a JPEG, PNG, WebP or HEIC photo, or a PDF').as('actions.error.fileType');
  return type;
}

/**
 * Checks every file first (so one bad file stores none), then writes them to the data directory
 * and returns the rows to insert. Writing is harmless if the transaction later fails: files are
 * content-addressed and only a row makes one part of the record.
 */
export function storeActionFiles(files: readonly IncomingFile[], o: { actionId: string; uploadedBy: string; dataDir: string; now: number }): EvidenceRow[] {
  if (files.length > MAX_FILES_PER_REQUEST) throw unprocessable(`At most ${MAX_FILES_PER_REQUEST} files at a time`).as('error.tooManyFiles', { max: MAX_FILES_PER_REQUEST });
  const types = files.map(checkEvidenceFile);
  return files.map((file, i) => {
    const sha256 = sha256Hex(file.bytes);
    return {
      id: newId(),
      auditId: null,
      itemId: null,
      actionId: o.actionId,
      fileName: cleanFileName(file.fileName, types[i]!.extension),
      mimeType: types[i]!.mime,
      size: file.bytes.length,
      sha256,
      storagePath: storeEvidenceFile(o.dataDir, sha256, file.bytes),
      uploadedBy: o.uploadedBy,
      createdAt: o.now,
    };
  });
}
