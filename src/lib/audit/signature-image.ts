// The auditor's drawn signature: a PNG data URL from a <canvas>. It is embedded in the signed
// report, so it is checked whole here (a broken image would otherwise fail the signing).
import zlib from 'node:zlib';
import { unprocessable } from '../errors.ts';

export const MAX_SIGNATURE_BYTES = 150 * 1024;
export const MAX_SIGNATURE_SIDE = 2000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PREFIX = 'data:image/png;base64,';

/** Decodes and validates a drawn signature; throws 422 unless it is a plain 8-bit RGB(A) PNG within the limits. */
export function parseSignatureDataUrl(dataUrl: string): Buffer {
  if (!dataUrl.startsWith(PREFIX)) throw unprocessable('The signature must be a PNG data URL').as('error.signatureInvalid');
  const base64 = dataUrl.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw unprocessable('The signature is not valid base64').as('error.signatureInvalid');
  if ((base64.length * 3) / 4 > MAX_SIGNATURE_BYTES + 3) throw unprocessable(`The signature image is larger than ${MAX_SIGNATURE_BYTES} bytes`).as('error.signatureInvalid');
  const png = Buffer.from(base64, 'base64');
  if (png.length > MAX_SIGNATURE_BYTES) throw unprocessable(`The signature image is larger than ${MAX_SIGNATURE_BYTES} bytes`).as('error.signatureInvalid');
  checkPng(png);
  return png;
}

function checkPng(png: Buffer): void {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw unprocessable('The signature is not a PNG image').as('error.signatureInvalid');
  const idat: Buffer[] = [];
  let header: { width: number; height: number; bitDepth: number; colourType: number; interlace: number } | undefined;
  let at = 8;
  let ended = false;
  while (at + 12 <= png.length && !ended) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (data.length !== length || at + 12 + length > png.length) throw unprocessable('The signature PNG is truncated').as('error.signatureInvalid');
    if (zlib.crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) throw unprocessable('The signature PNG is corrupt').as('error.signatureInvalid');
    if (type === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8]!, colourType: data[9]!, interlace: data[12]! };
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header || !ended || idat.length === 0) throw unprocessable('The signature PNG is incomplete').as('error.signatureInvalid');
  const { width, height, bitDepth, colourType, interlace } = header;
  if (width < 1 || height < 1 || width > MAX_SIGNATURE_SIDE || height > MAX_SIGNATURE_SIDE) throw unprocessable('The signature image has an unusable size').as('error.signatureInvalid');
  if (bitDepth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0) throw unprocessable('The signature must be an 8-bit RGB or RGBA PNG').as('error.signatureInvalid');
  const channels = colourType === 6 ? 4 : 3;
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: (width * channels + 1) * height + 1 });
  } catch {
    throw unprocessable('The signature PNG data is corrupt').as('error.signatureInvalid');
  }
  if (raw.length !== (width * channels + 1) * height) throw unprocessable('The signature PNG data does not match its size').as('error.signatureInvalid');
}
