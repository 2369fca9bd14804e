import { describe, expect, it } from 'vitest';
import { cleanFileName, detectEvidenceType } from '../../../src/lib/audit/evidence-type.ts';

const bytes = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('evidence type detection by magic bytes', () => {
  it('recognises JPEG, PNG, WebP, HEIC and PDF from their first bytes', () => {
    expect(detectEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0], 'rest'))?.mime).toBe('image/jpeg');
    expect(detectEvidenceType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))?.mime).toBe('image/png');
    expect(detectEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))?.mime).toBe('image/webp');
    expect(detectEvidenceType(bytes('%PDF-1.7\n'))?.mime).toBe('application/pdf');
    expect(detectEvidenceType(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))?.mime).toBe('image/heic');
    expect(detectEvidenceType(bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'))?.mime).toBe('image/heic');
  });

  it('refuses text, HTML, SVG, executables and AVIF whatever they are called', () => {
    expect(detectEvidenceType(bytes('hello, this is a text file named photo.png'))).toBeNull();
    expect(detectEvidenceType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(detectEvidenceType(bytes('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(detectEvidenceType(bytes('MZ', [0x90, 0, 3, 0]))).toBeNull();
    expect(detectEvidenceType(bytes([0, 0, 0, 24], 'ftypavif', [0, 0, 0, 0], 'mif1avif'))).toBeNull();
    expect(detectEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(detectEvidenceType(new Uint8Array())).toBeNull();
    expect(detectEvidenceType(bytes([0xff, 0xd8]))).toBeNull();
  });

  it('keeps only the base name of an uploaded file, without control characters', () => {
    expect(cleanFileName('C:\\photos\\room.jpg', 'jpg')).toBe('room.jpg');
    expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.png', 'png')).toBe('abc.png');
    expect(cleanFileName('', 'png')).toBe('evidence.png');
    expect(cleanFileName('x'.repeat(300), 'png')).toHaveLength(120);
  });
});
