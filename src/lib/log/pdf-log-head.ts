// A signed PDF carries the audit log head at signing twice: as a line of text people can read,
// and as a value in the document information dictionary that software reads back. Both lie
// inside the signed byte range, so neither can be changed without breaking the signature.
import type { LogHead } from './current-log-head.ts';

/** The information-dictionary key; its value is `audit-log-head:<seq>:<hash>`. */
export const PDF_LOG_HEAD_KEY = 'AuditLogHead';
export const PDF_LOG_HEAD_PREFIX = 'audit-log-head:';

/** The value written into the PDF's information dictionary. */
export function pdfLogHeadValue(head: LogHead): string {
  return `${PDF_LOG_HEAD_PREFIX}${head.seq}:${head.hash}`;
}

// pdfkit writes each information value as its own indirect object: `12 0 obj\n(value)\nendobj`.
// Parentheses in other strings are escaped, so an unescaped `(audit-log-head:` is only ever ours.
const pattern = /\(audit-log-head:(\d{1,15}):([0-9a-f]{64})\)/;

/** Reads the log head a PDF (or a slice of one starting before the value) records; null when it has none. */
export function readPdfLogHead(bytes: Uint8Array): LogHead | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = pattern.exec(text);
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}
