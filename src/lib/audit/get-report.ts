import { eq } from 'drizzle-orm';
import { audits, signedDocuments } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { assertAllowed, canReadAudit, type Actor } from './audit-access.ts';

export type GetReportOptions = { auditId: string; actor: Actor };

/** The signed report exactly as stored at signing: the same bytes every time. */
export async function getReport(db: Db, o: GetReportOptions): Promise<{ bytes: Buffer; sha256: string; fileName: string }> {
  assertAllowed(canReadAudit(o.actor));
  const [row] = await db
    .select({ bytes: signedDocuments.bytes, sha256: signedDocuments.sha256, status: audits.status })
    .from(audits)
    .leftJoin(signedDocuments, eq(signedDocuments.id, audits.reportId))
    .where(eq(audits.id, o.auditId));
  if (!row) throw notFound('No such audit').as('error.noSuchAudit');
  if (!row.bytes || !row.sha256) throw notFound('This audit is not signed yet, so it has no report').as('error.notSignedYet');
  return { bytes: row.bytes, sha256: row.sha256, fileName: `audit-report-${o.auditId}.pdf` };
}
