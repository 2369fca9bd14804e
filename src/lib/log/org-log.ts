// The audit log's anchors for this install: its data directory, its organisation's certificate.
import { assertCan, type Actor } from '../auth/permissions.ts';
import { config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { orgSigningIdentity } from '../reports/org-signing.ts';
import { mailCheckpoint } from './mail-checkpoint.ts';
import { recordVerification, type VerificationSource } from './record-verification.ts';
import { takeCheckpoint, type CheckpointTrigger, type TakenCheckpoint } from './take-checkpoint.ts';
import { verifyLog, type LogVerification } from './verify-log.ts';

/** Writes a checkpoint signed with the organisation's key into this install's data directory; where mail is configured, the admins get a copy. */
export async function checkpointOrgLog(db: Db, actor: Pick<Actor, 'role'>, trigger: CheckpointTrigger): Promise<TakenCheckpoint> {
  assertCan(actor, 'admin.log');
  const identity = await orgSigningIdentity();
  const c = config();
  return takeCheckpoint(db, { dataDir: c.dataDir, identity, organisation: c.organisation, trigger, also: c.smtpUrl ? mailCheckpoint : undefined });
}

/** Verifies the log against this install's checkpoints and documents (and any copies given), trusting the organisation's certificate, and stores the outcome. */
export async function verifyOrgLog(db: Db, actor: Pick<Actor, 'role'>, source: VerificationSource, copies: { checkpointFiles?: string[]; documentFiles?: string[] } = {}): Promise<LogVerification> {
  assertCan(actor, 'admin.log');
  const identity = await orgSigningIdentity();
  const result = await verifyLog(db, { dataDir: config().dataDir, trustedFingerprints: [identity.fingerprintSha256], ...copies });
  await recordVerification(db, result, source);
  return result;
}
