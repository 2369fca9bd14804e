import { describe, expect, it } from 'vitest';
import { checkChainSegment, entryHash, GENESIS_HASH, type LogRow } from '../../../src/lib/log/hash-chain.ts';

function chain(n: number): LogRow[] {
  const rows: LogRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = { seq, at: 1_700_000_000_000 + seq, actorId: 'u1', action: 'test.write', subjectType: 'thing', subjectId: `t${seq}`, details: JSON.stringify({ n: seq }) };
    const hash = entryHash(prev, content);
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('the audit log hash chain', () => {
  it('accepts an intact chain', () => {
    expect(checkChainSegment(chain(5), { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, count: 5 });
  });
  it('names the entry whose content was changed', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, details: JSON.stringify({ n: 999 }) };
    expect(checkChainSegment(rows, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: false, badSeq: 3 });
  });
  it('detects a deleted entry in the middle', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(checkChainSegment(rows, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: false, badSeq: 2 });
  });
  it('detects an entry rewritten with a recomputed hash, because the next one no longer follows it', () => {
    const rows = chain(4);
    const forged = { ...rows[1]!, action: 'forged' };
    forged.hash = entryHash(forged.prevHash, forged);
    rows[1] = forged;
    expect(checkChainSegment(rows, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: false, badSeq: 3 });
  });
  it('hashes every field, including who acted', () => {
    const [row] = chain(1);
    expect(entryHash(row!.prevHash, { ...row!, actorId: 'someone-else' })).not.toBe(row!.hash);
  });
});
