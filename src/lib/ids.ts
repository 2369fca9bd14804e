import crypto from 'node:crypto';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random, unguessable, URL-safe id (about 100 bits). */
export function newId(length = 20): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

/** A short code people can read aloud or type: groups of four, upper case. */
export function newReadableCode(groups = 3): string {
  return Array.from({ length: groups }, () => newId(4).toUpperCase()).join('-');
}

/** SHA-256 of bytes or text, hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}
