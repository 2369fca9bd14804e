import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_BYTES, parseSignatureDataUrl } from '../../../src/lib/audit/signature-image.ts';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real RGBA PNG of the given size (transparent), as canvas.toDataURL would give. */
function png(width: number, height: number, o: { colourType?: number; rawRows?: Buffer } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = o.colourType ?? 6;
  const raw = o.rawRows ?? Buffer.alloc((width * 4 + 1) * height);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const dataUrl = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;

describe('the drawn signature image', () => {
  it('accepts the PNG a canvas produces', () => {
    const image = png(600, 200);
    expect(parseSignatureDataUrl(dataUrl(image)).equals(image)).toBe(true);
  });

  it('refuses other data URLs, non-PNG bytes and bad base64 with 422', () => {
    expect(() => parseSignatureDataUrl('data:image/jpeg;base64,/9j/4AAQ')).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => parseSignatureDataUrl(dataUrl(Buffer.from('not a png at all, just text here')))).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => parseSignatureDataUrl('data:image/png;base64,@@@@')).toThrow(expect.objectContaining({ status: 422 }));
  });

  it('refuses a PNG whose chunks are corrupt or whose pixel data does not match its size', () => {
    const image = png(10, 10);
    const corrupt = Buffer.from(image);
    corrupt[40] = corrupt[40]! ^ 0xff;
    expect(() => parseSignatureDataUrl(dataUrl(corrupt))).toThrow(expect.objectContaining({ status: 422 }));
    const short = png(10, 10, { rawRows: Buffer.alloc(20) });
    expect(() => parseSignatureDataUrl(dataUrl(short))).toThrow(/does not match/);
    expect(() => parseSignatureDataUrl(dataUrl(png(10, 10, { colourType: 3 })))).toThrow(/8-bit RGB/);
  });

  it('refuses images larger than the limit in bytes or pixels', () => {
    expect(() => parseSignatureDataUrl(dataUrl(png(3000, 10, { rawRows: Buffer.alloc((3000 * 4 + 1) * 10) })))).toThrow(/unusable size/);
    const noisy = png(400, 200, { rawRows: Buffer.from(Array.from({ length: (400 * 4 + 1) * 200 }, () => Math.floor(Math.random() * 256))) });
    expect(noisy.length).toBeGreaterThan(MAX_SIGNATURE_BYTES);
    expect(() => parseSignatureDataUrl(dataUrl(noisy))).toThrow(/larger than/);
  });
});
