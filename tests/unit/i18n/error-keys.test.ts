// Pages show domain errors in the reader's language through the key each error carries
// (AppError.as), never by matching English text; so every error the domain raises names a key,
// and every key it names exists in both catalogs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys } from '../../../src/i18n/index.ts';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.(ts|astro)$/.test(e.name) ? [full] : [];
  });
}

// the JSON API answers in English by design (DESIGN); its own input checks are left out
const files = [...sources('src/lib'), ...sources('src/pages')].filter((f) => !f.endsWith(path.join('src', 'lib', 'errors.ts')) && !f.includes(path.join('src', 'pages', 'api')));
// a factory called with a message of its own, or the constructor: these need a key
const raise = /\b(badRequest|unauthorized|forbidden|notFound|conflict|unprocessable|tooManyRequests)\((?!\))|new AppError\(/;

describe('error messages on pages', () => {
  it('come from a key on every error the domain and the pages raise', () => {
    const missing: string[] = [];
    for (const file of files) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (raise.test(line) && !line.includes('.as(') && !line.trim().startsWith('//') && !line.trim().startsWith('*')) missing.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('name keys that exist in English and in Chinese', () => {
    const en = new Set(catalogKeys('en'));
    const zh = new Set(catalogKeys('zh-cn'));
    const unknown: string[] = [];
    for (const file of files) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\.as\(\s*'([\w.]+)'/g)) {
        if (!en.has(m[1]!) || !zh.has(m[1]!)) unknown.push(`${file}: ${m[1]}`);
      }
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\.as\(\s*[^'(][^?]*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'/g)) {
        for (const key of [m[1]!, m[2]!]) if (!en.has(key) || !zh.has(key)) unknown.push(`${file}: ${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('are never chosen by matching English words in a message', () => {
    const matching: string[] = [];
    for (const file of sources('src/pages')) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (/(err|error)\.message\b/.test(line) && /(\.test\(|startsWith|includes|===)/.test(line)) matching.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(matching).toEqual([]);
  });
});
