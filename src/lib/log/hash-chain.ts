import { sha256Hex } from '../ids.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type LogContent = {
  seq: number;
  at: number;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: string;
};

export type LogRow = LogContent & { prevHash: string; hash: string };

/** The hash of one entry: its content in a fixed field order, chained to the previous entry's hash. */
export function entryHash(prevHash: string, c: LogContent): string {
  const canonical = JSON.stringify([c.seq, c.at, c.actorId, c.action, c.subjectType, c.subjectId, c.details]);
  return sha256Hex(`${prevHash}\n${canonical}`);
}

export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; badSeq: number; reason: string };

/** Checks consecutive rows (ordered by seq) continue a chain whose last good entry is `prev`. */
export function checkChainSegment(rows: LogRow[], prev: { seq: number; hash: string }): ChainCheck & { last: { seq: number; hash: string } } {
  let last = prev;
  for (const row of rows) {
    if (row.seq !== last.seq + 1) {
      return { ok: false, count: 0, badSeq: last.seq + 1, reason: `entry ${last.seq + 1} is missing`, last };
    }
    if (row.prevHash !== last.hash) {
      return { ok: false, count: 0, badSeq: row.seq, reason: `entry ${row.seq} does not follow entry ${last.seq}`, last };
    }
    if (entryHash(row.prevHash, row) !== row.hash) {
      return { ok: false, count: 0, badSeq: row.seq, reason: `entry ${row.seq} was changed after it was written`, last };
    }
    last = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, count: rows.length, last };
}
