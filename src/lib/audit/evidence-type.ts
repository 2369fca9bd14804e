// What an uploaded evidence file really is, decided from its first bytes: a name or a declared
// type is whatever the client says, the content is what we store and later serve.

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export type EvidenceType = { mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf'; extension: string };

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
// mif1/msf1 are generic HEIF brands (AVIF uses them too): accept them only with a HEIC brand among the compatible ones.
const HEIF_GENERIC = new Set(['mif1', 'msf1']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const major = ascii(bytes, 8, 4);
  if (HEIC_BRANDS.has(major)) return true;
  if (!HEIF_GENERIC.has(major)) return false;
  const end = Math.min(boxSize, bytes.length, 256);
  for (let at = 16; at + 4 <= end; at += 4) if (HEIC_BRANDS.has(ascii(bytes, at, 4))) return true;
  return false;
}

/** The file's type from its magic bytes, or null when it is not an accepted image or PDF. */
export function detectEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', extension: 'png' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { mime: 'image/webp', extension: 'webp' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };
  if (isHeic(bytes)) return { mime: 'image/heic', extension: 'heic' };
  return null;
}

/** A file name safe to store and show: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string, fallbackExtension: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  if (!clean || clean === '.' || clean === '..') return `evidence.${fallbackExtension}`;
  return clean.length <= 120 ? clean : clean.slice(0, 120);
}
