import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys, t } from '../../../src/i18n/index.ts';
import { localePath, prefersChinese, safeNext, splitLocale } from '../../../src/lib/locale-path.ts';

describe('UI strings', () => {
  it('has every key in both English and Chinese', () => {
    const en = catalogKeys('en').sort();
    const zh = catalogKeys('zh-cn').sort();
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
  });
  it('fills placeholders', () => {
    expect(t('en', 'home.title', { name: 'Li' })).toBe('Welcome, Li');
    expect(t('zh-cn', 'home.title', { name: '李' })).toBe('欢迎，李');
  });
  it('every key used in pages and components exists', () => {
    const keys = new Set(catalogKeys('en'));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(astro|tsx?)$/.test(e.name)) files.push(p);
      }
    };
    walk('src/pages');
    walk('src/components');
    walk('src/layouts');
    const missing: string[] = [];
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bt\('([a-z][\w-]*\.[\w.-]+)'/g)) if (!keys.has(m[1]!)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('locale paths', () => {
  it('maps /zh-cn/... onto the same page in Chinese', () => {
    expect(splitLocale('/zh-cn/training/x')).toEqual({ locale: 'zh-cn', path: '/training/x' });
    expect(splitLocale('/zh-cn')).toEqual({ locale: 'zh-cn', path: '/' });
    expect(splitLocale('/zh-cnx')).toEqual({ locale: 'en', path: '/zh-cnx' });
    expect(localePath('zh-cn', '/hr')).toBe('/zh-cn/hr');
    expect(localePath('en', '/hr')).toBe('/hr');
  });
  it('detects a browser that prefers Chinese', () => {
    expect(prefersChinese('zh-CN,zh;q=0.9,en;q=0.8')).toBe(true);
    expect(prefersChinese('en-GB,en;q=0.9,zh;q=0.5')).toBe(false);
    expect(prefersChinese(null)).toBe(false);
  });
  it('only follows same-site redirect targets', () => {
    expect(safeNext('/training', '/')).toBe('/training');
    expect(safeNext('//evil.example', '/')).toBe('/');
    expect(safeNext('https://evil.example', '/')).toBe('/');
  });
});
