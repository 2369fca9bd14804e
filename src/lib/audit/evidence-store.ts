// Evidence files on disk, addressed by content: <dataDir>/evidence/<first two hex digits>/<sha256>.
// The same file uploaded twice is stored once; a stored file is never rewritten.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The path of a file relative to the data directory, as kept in the evidence row. */
export function evidencePath(sha256: string): string {
  return path.join('evidence', sha256.slice(0, 2), sha256);
}

/** Writes the bytes under their digest unless they are there already (write to a temporary name, then rename). */
export function storeEvidenceFile(dataDir: string, sha256: string, bytes: Uint8Array): string {
  const relative = evidencePath(sha256);
  const target = path.join(dataDir, relative);
  if (fs.existsSync(target)) return relative;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  fs.renameSync(tmp, target);
  return relative;
}

/** Reads a stored file back; throws if it is gone or no longer matches its digest. */
export function readEvidenceFile(dataDir: string, relative: string, sha256: string): Buffer {
  const bytes = fs.readFileSync(path.join(dataDir, relative));
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`Evidence file ${relative} does not match its SHA-256`);
  return bytes;
}
