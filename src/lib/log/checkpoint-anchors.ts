import fs from 'node:fs';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import { logCheckpoints } from '../../../db/schema.ts';
import type { Db } from '../db/client.ts';
import { iso, short, type Anchor, type AnchorFindings } from './anchor.ts';
import { CHECKPOINT_EXTENSION, checkCheckpointFile } from './checkpoint-file.ts';

export type CheckpointAnchorsOptions = {
  /** The checkpoints folder; with it, the database's list of checkpoints is checked against it too. */
  dir?: string;
  /** Copies kept elsewhere. */
  files: readonly string[];
  trustedFingerprints: readonly string[];
};

/** Reads every checkpoint file (the folder's and the copies), keeps those signed by a trusted key, and names the rest. */
export async function checkpointAnchors(db: Db, o: CheckpointAnchorsOptions): Promise<AnchorFindings & { files: number; newestSignedSeq: number }> {
  const problems: string[] = [];
  const anchors: Anchor[] = [];
  const files = new Map<string, string>(); // path → how messages name it
  if (o.dir && fs.existsSync(o.dir)) {
    for (const name of fs.readdirSync(o.dir).sort()) if (name.endsWith(CHECKPOINT_EXTENSION)) files.set(path.join(o.dir, name), name);
  }
  for (const file of o.files) files.set(file, file);

  const valid = new Map<string, Anchor>(); // file name in the folder → its anchor
  let read = 0;
  let newestSignedSeq = -1;
  for (const [file, label] of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`checkpoint ${label} cannot be read: ${(error as Error).message}`);
      continue;
    }
    read++;
    const c = await checkCheckpointFile(file, text, o.trustedFingerprints);
    if (!c.ok) {
      problems.push(`checkpoint ${label} is rejected: ${c.reason}`);
      continue;
    }
    const anchor: Anchor = { name: `checkpoint ${label}`, kind: 'checkpoint', seq: c.checkpoint.seq, hash: c.checkpoint.hash, at: c.checkpoint.at };
    anchors.push(anchor);
    newestSignedSeq = Math.max(newestSignedSeq, anchor.seq);
    if (label === c.name) valid.set(c.name, anchor);
  }

  // The database lists every checkpoint written: a file gone from the folder is named, and what
  // the list says it held still counts (the list is no proof, but it can show a cut).
  if (o.dir) {
    for (const row of await db.select().from(logCheckpoints).orderBy(asc(logCheckpoints.seq))) {
      const file = valid.get(row.fileName);
      if (!files.has(path.join(o.dir, row.fileName))) {
        problems.push(`checkpoint ${row.fileName} (entry ${row.seq}, taken ${iso(row.at)}) is missing from ${o.dir}`);
        anchors.push({ name: `checkpoint ${row.fileName} (as the database lists it)`, kind: 'checkpoint', seq: row.seq, hash: row.hash, at: row.at });
      } else if (file && (file.seq !== row.seq || file.hash !== row.hash)) {
        problems.push(`checkpoint ${row.fileName}: the database lists entry ${row.seq} with hash ${short(row.hash)}, the signed file says entry ${file.seq} with ${short(file.hash)}`);
      }
    }
  }
  return { anchors, problems, files: read, newestSignedSeq };
}
