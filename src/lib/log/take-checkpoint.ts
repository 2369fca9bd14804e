import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { logCheckpoints } from '../../../db/schema.ts';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { newId } from '../ids.ts';
import { signDetached } from '../reports/sign-pdf.ts';
import type { SigningIdentity } from '../reports/signing-identity.ts';
import { checkpointFileName, checkpointLine, formatCheckpointFile, type Checkpoint } from './checkpoint-file.ts';
import { currentLogHead } from './current-log-head.ts';

export type CheckpointTrigger = (typeof logCheckpoints.$inferSelect)['trigger'];

export type TakeCheckpointOptions = {
  dataDir: string;
  identity: SigningIdentity;
  organisation: string;
  trigger: CheckpointTrigger;
  now?: number;
  /** More to write in the transaction that lists the checkpoint (e.g. mails to the admins). */
  also?: (tx: Tx, taken: TakenCheckpoint) => Promise<unknown>;
};

export type TakenCheckpoint = Checkpoint & { fileName: string; file: string; text: string };

/** The folder of checkpoint files in a data directory. */
export function checkpointsDir(dataDir: string): string {
  return path.join(dataDir, 'checkpoints');
}

/** Signs the log's current head and writes it as a new file in <data>/checkpoints/ (never over another), and lists it in the database. */
export async function takeCheckpoint(db: Db, o: TakeCheckpointOptions): Promise<TakenCheckpoint> {
  const head = await currentLogHead(db);
  const checkpoint: Checkpoint = { seq: head.seq, hash: head.hash, at: o.now ?? Date.now(), organisation: o.organisation };
  const cms = await signDetached(Buffer.from(checkpointLine(checkpoint), 'utf8'), o.identity);
  const text = formatCheckpointFile(checkpoint, cms);
  const dir = checkpointsDir(o.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = checkpointFileName(checkpoint, newId(4));
  const file = path.join(dir, fileName);
  publishOnce(file, text);
  const taken = { ...checkpoint, fileName, file, text };
  await writeTransaction(db, async (tx) => {
    await tx.insert(logCheckpoints).values({ fileName, seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, trigger: o.trigger });
    await o.also?.(tx, taken);
  });
  return taken;
}

/** Writes a complete file under a name that must not exist yet: written aside, then hard-linked into place (which fails rather than replace). */
function publishOnce(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(tmp, text, { flag: 'wx', mode: 0o444 });
  try {
    fs.linkSync(tmp, file);
  } finally {
    fs.unlinkSync(tmp);
  }
}
