import fs from 'node:fs';
import { createRequire } from 'node:module';

// fontkit ships no type declarations; createRequire lets us type the little we use.
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(data: Uint8Array): ParsedFont };

/** The parts of a parsed fontkit font we rely on; pdfkit accepts the object itself as a font source. */
export type ParsedFont = {
  postscriptName: string;
  numGlyphs: number;
  layout(text: string): unknown;
};

const CJK_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let parsed: ParsedFont | undefined;

/** Absolute path of the Noto Sans SC font, resolved through the package rather than the working directory. */
export function cjkFontPath(): string {
  return require.resolve(CJK_FONT);
}

/**
 * Returns the Noto Sans SC font (Latin and CJK glyphs), read and parsed once per process.
 * Handing pdfkit the parsed object rather than the path or bytes saves reading 10 MB and
 * re-decoding its tables for every document (measured: ~20 ms vs ~27 ms (bytes) vs ~80 ms (path)).
 */
export function cjkFont(): ParsedFont {
  parsed ??= fontkit.create(fs.readFileSync(cjkFontPath()));
  return parsed;
}
