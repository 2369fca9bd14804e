// A checkpoint file: its first line is the checkpoint as JSON, the rest a detached CMS signature
// (PEM) over exactly that line, newline included, by the organisation's signing certificate.
// Anyone can check it without this product:
//   head -n 1 F > c.json && openssl cms -verify -binary -inform PEM -in F -content c.json -noverify -signer s.pem
//   openssl x509 -in s.pem -noout -fingerprint -sha256    (must be the organisation's, as /admin shows it)
import path from 'node:path';
import { verifyDetachedSignature } from '../reports/verify-detached-signature.ts';

export const CHECKPOINT_KIND = 'audit-log-checkpoint';
export const CHECKPOINT_EXTENSION = '.checkpoint';

/** What a checkpoint asserts: the log's entry `seq` had hash `hash` at time `at` (ms). */
export type Checkpoint = { seq: number; hash: string; at: number; organisation: string };

/** The exact bytes that are signed: one line of JSON with a fixed field order. */
export function checkpointLine(c: Checkpoint): string {
  return `${JSON.stringify({ kind: CHECKPOINT_KIND, seq: c.seq, hash: c.hash, at: new Date(c.at).toISOString(), organisation: c.organisation })}\n`;
}

/** The whole file: the signed line, then the signature as PEM. */
export function formatCheckpointFile(c: Checkpoint, cmsDer: Buffer): string {
  const base64 = cmsDer.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `${checkpointLine(c)}-----BEGIN CMS-----\n${base64}\n-----END CMS-----\n`;
}

/** A file name that sorts by sequence number and never repeats: log-000000000123-20261202T150000123Z-ab12.checkpoint. */
export function checkpointFileName(c: Pick<Checkpoint, 'seq' | 'at'>, suffix: string): string {
  const stamp = new Date(c.at).toISOString().replace(/[-:.]/g, '');
  return `log-${String(c.seq).padStart(12, '0')}-${stamp}-${suffix}${CHECKPOINT_EXTENSION}`;
}

export type CheckpointFileCheck =
  | { ok: true; name: string; checkpoint: Checkpoint; fingerprint: string }
  | { ok: false; name: string; reason: string; checkpoint?: Checkpoint };

/** Parses a checkpoint file and checks its signature is the organisation's (by certificate fingerprint). */
export async function checkCheckpointFile(file: string, text: string, trustedFingerprints: readonly string[]): Promise<CheckpointFileCheck> {
  const name = path.basename(file);
  // The signed line is everything before the signature, as one line: a copy saved from a mail may
  // have gained CRLFs or spaces around it, never inside (the JSON has none outside its strings).
  const begin = text.indexOf('-----BEGIN CMS-----');
  const line = `${(begin < 0 ? text.split('\n')[0]! : text.slice(0, begin)).trim()}\n`;
  const checkpoint = parseLine(line);
  if (!checkpoint) return { ok: false, name, reason: 'it is not a checkpoint file (unreadable first line)' };
  const pem = /-----BEGIN CMS-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CMS-----/.exec(text.slice(Math.max(0, begin)));
  if (!pem) return { ok: false, name, reason: 'it carries no signature', checkpoint };
  const signature = await verifyDetachedSignature(Buffer.from(line, 'utf8'), Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64'));
  if (!signature.valid) return { ok: false, name, reason: `its signature is not valid (${signature.reason})`, checkpoint };
  const fingerprint = signature.certificateFingerprintSha256!;
  if (!trustedFingerprints.includes(fingerprint)) {
    return { ok: false, name, reason: `it is signed by another key (certificate ${fingerprint.slice(0, 16)}…, "${signature.signerCommonName}"), not the organisation's`, checkpoint };
  }
  return { ok: true, name, checkpoint, fingerprint };
}

function parseLine(line: string): Checkpoint | null {
  try {
    const v = JSON.parse(line) as Record<string, unknown>;
    const at = typeof v.at === 'string' ? Date.parse(v.at) : Number.NaN;
    if (v.kind !== CHECKPOINT_KIND || !Number.isSafeInteger(v.seq) || (v.seq as number) < 0 || typeof v.hash !== 'string' || !/^[0-9a-f]{64}$/.test(v.hash) || Number.isNaN(at)) return null;
    return { seq: v.seq as number, hash: v.hash, at, organisation: typeof v.organisation === 'string' ? v.organisation : '' };
  } catch {
    return null;
  }
}
