// Where `content import` reads from: a content/ directory, or a zip of one (as a firm might
// download it from its git host). Both go through loadCatalog, the same validation as the build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ContentError, loadCatalog, type Catalog } from './load-content.ts';

const MAX_ZIP_BYTES = 50 * 1024 * 1024;

/** The content root inside an extracted tree: the folder holding courses/ or checklists/. */
function findRoot(dir: string, depth = 0): string | undefined {
  if (fs.existsSync(path.join(dir, 'courses')) || fs.existsSync(path.join(dir, 'checklists'))) return dir;
  if (depth >= 2) return undefined;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    if (d.isDirectory()) {
      const found = findRoot(path.join(dir, d.name), depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Reads and validates a content directory or zip; throws a ContentError naming the file and field. */
export function readContentSource(source: string): Catalog {
  if (!fs.existsSync(source)) throw new ContentError(source, '', 'no such file or directory');
  if (fs.statSync(source).isDirectory()) {
    const root = findRoot(source);
    if (!root) throw new ContentError(source, '', 'holds neither courses/ nor checklists/');
    return loadCatalog(root);
  }
  if (fs.statSync(source).size > MAX_ZIP_BYTES) throw new ContentError(source, '', `larger than ${MAX_ZIP_BYTES} bytes`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(fs.readFileSync(source));
  } catch (err) {
    throw new ContentError(source, '', `not a zip file: ${(err as Error).message}`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-content-'));
  try {
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      const target = path.resolve(tmp, name);
      // a zip entry may not write outside the folder it is unpacked into
      if (!target.startsWith(tmp + path.sep)) throw new ContentError(source, name, 'points outside the archive');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes);
    }
    const root = findRoot(tmp);
    if (!root) throw new ContentError(source, '', 'holds neither courses/ nor checklists/');
    return loadCatalog(root);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
