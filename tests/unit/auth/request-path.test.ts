import { describe, expect, it } from 'vitest';
import { normaliseRequestPath } from '../../../src/lib/auth/request-path.ts';

describe('the path the router serves', () => {
  const same: [string, string][] = [
    ['/admin', '/admin'],
    ['/%61dmin', '/admin'],
    ['/%61%64%6D%69%6E', '/admin'],
    ['//admin', '/admin'],
    ['/zh-cn//admin', '/zh-cn/admin'],
    ['/api//hr///completions.csv', '/api/hr/completions.csv'],
    ['/%7Ah-cn/admin', '/zh-cn/admin'],
    ['/training/', '/training/'],
    ['/training/%E6%9D%8E', '/training/李'],
    ['/', '/'],
  ];
  for (const [raw, path] of same) {
    it(`serves ${raw} as ${path}`, () => {
      expect(normaliseRequestPath(raw)).toEqual({ ok: true, path });
    });
  }

  const odd = ['/a%2fdmin', '/a%2Fdmin', '/%5cadmin', '/a\\b', '/admin%00', '/%zz', '/%e6%9d', '/%2561dmin', '/x/%2e%2e', '/x/%2E', '/x/%2e%2e%2fadmin', 'admin', '/a%09b', '/a\u0000b'];
  for (const raw of odd) {
    it(`refuses ${JSON.stringify(raw)}`, () => {
      const r = normaliseRequestPath(raw);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toMatch(/\w/);
    });
  }
});
