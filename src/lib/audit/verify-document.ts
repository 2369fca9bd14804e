// Is this PDF one we issued, unchanged? Two independent checks must both hold: the embedded
// signature verifies over the bytes, and the file's SHA-256 is one recorded at signing.
import { eq } from 'drizzle-orm';
import { signedDocuments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { sha256Hex } from '../ids.ts';
import { verifyPdfSignature } from '../reports/verify-pdf-signature.ts';

/** The largest file accepted for verification. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

export type DocumentKind = (typeof signedDocuments.$inferSelect)['kind'];
/** Why a document was refused: not a PDF, no signature, signature broken (changed), or signed but not issued here. */
export type RefusalCode = 'not_pdf' | 'unsigned' | 'tampered' | 'unknown';

export type VerifyResult =
  | { valid: true; kind: DocumentKind; id: string; signedAt: string; signer: string; verificationCode: string; sha256: string }
  | { valid: false; code: RefusalCode; reason: string; sha256: string };

/** Checks a PDF's signature and that its exact bytes were issued by this product. */
export async function verifyDocument(db: Db, bytes: Buffer): Promise<VerifyResult> {
  const sha256 = sha256Hex(bytes);
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) return { valid: false, code: 'not_pdf', reason: 'The file is not a PDF', sha256 };
  const signature = await verifyPdfSignature(bytes);
  if (!signature.valid) {
    return { valid: false, code: signature.unsigned ? 'unsigned' : 'tampered', reason: signature.reason ?? 'The signature is not valid', sha256 };
  }
  const [row] = await db.select().from(signedDocuments).where(eq(signedDocuments.sha256, sha256));
  if (!row) return { valid: false, code: 'unknown', reason: 'The signature is intact, but this file was not issued here', sha256 };
  return { valid: true, kind: row.kind, id: row.subjectId, signedAt: new Date(row.signedAt).toISOString(), signer: row.signerName, verificationCode: row.verificationCode, sha256 };
}

export type CodeLookup = { kind: DocumentKind; id: string; signedAt: string; signer: string; verificationCode: string; sha256: string };

/** The record behind a verification code printed on a document, or null. */
export async function lookUpVerificationCode(db: Db, code: string): Promise<CodeLookup | null> {
  const clean = code.trim().toUpperCase();
  if (!/^[A-Z0-9]{4}(-[A-Z0-9]{4}){1,5}$/.test(clean)) return null;
  const [row] = await db.select().from(signedDocuments).where(eq(signedDocuments.verificationCode, clean));
  if (!row) return null;
  return { kind: row.kind, id: row.subjectId, signedAt: new Date(row.signedAt).toISOString(), signer: row.signerName, verificationCode: row.verificationCode, sha256: row.sha256 };
}
