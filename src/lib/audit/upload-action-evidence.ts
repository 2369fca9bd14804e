import type { Db } from '../db/client.ts';
import type { IncomingFile } from './action-evidence-file.ts';
import type { ActionActor } from './action-transitions.ts';
import { updateAction, type StoredFile } from './update-action.ts';

export type UploadActionEvidenceOptions = { actionId: string; actor: ActionActor; file: IncomingFile; comment?: string; dataDir: string; now?: number };

/**
 * Attaches a photo or PDF to an action (its owner, auditors and admins; not once verified): an
 * 'evidence' event in the history like every other change, through the one update operation.
 */
export async function uploadActionEvidence(db: Db, o: UploadActionEvidenceOptions): Promise<StoredFile & { url: string }> {
  const result = await updateAction(db, { actionId: o.actionId, actor: o.actor, comment: o.comment, files: [o.file], dataDir: o.dataDir, now: o.now });
  const file = result.files[0]!;
  return { ...file, url: `/api/evidence/${file.id}` };
}
