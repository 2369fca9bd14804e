import { eq } from 'drizzle-orm';
import { correctiveActions, evidence } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { assertAllowed, canViewEvidence, type Actor } from './audit-access.ts';
import { readEvidenceFile } from './evidence-store.ts';

export type GetEvidenceOptions = { evidenceId: string; actor: Actor; dataDir: string };

/** One evidence file with its name and type, for someone allowed to see it. */
export async function getEvidence(db: Db, o: GetEvidenceOptions): Promise<{ fileName: string; mimeType: string; sha256: string; bytes: Buffer }> {
  const [row] = await db
    .select({ fileName: evidence.fileName, mimeType: evidence.mimeType, sha256: evidence.sha256, storagePath: evidence.storagePath, actionOwnerId: correctiveActions.ownerId })
    .from(evidence)
    .leftJoin(correctiveActions, eq(correctiveActions.id, evidence.actionId))
    .where(eq(evidence.id, o.evidenceId));
  if (!row) throw notFound('No such evidence').as('error.noSuchEvidence');
  assertAllowed(canViewEvidence(o.actor, { actionOwnerId: row.actionOwnerId ?? null }));
  return { fileName: row.fileName, mimeType: row.mimeType, sha256: row.sha256, bytes: readEvidenceFile(o.dataDir, row.storagePath, row.sha256) };
}
