import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/content/render-markdown.ts';

describe('rendering lesson markdown', () => {
  it('renders headings, lists, emphasis and tables', () => {
    const html = renderMarkdown('## Rules\n\n- **Never** share\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<h2>Rules</h2>');
    expect(html).toContain('<strong>Never</strong>');
    expect(html).toContain('<table>');
  });
  it('shows raw HTML as text, so a script in a lesson never runs', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>');
    expect(html).not.toMatch(/<script|<img|<div/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
  it('drops script URLs from links and images', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) ![i](data:text/html;base64,xx) [ok](https://example.com)');
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).toContain('href="https://example.com"');
  });
});

describe('link and image addresses in lessons', () => {
  const hrefOf = (md: string) => /(?:href|src)="([^"]*)"/.exec(renderMarkdown(md))?.[1];
  // an allow-list: http, https, mailto and relative addresses pass, everything else becomes '#'
  const kept = ['https://www.cac.gov.cn/', 'http://example.com/a?b=c', 'mailto:dpo@example.com', '/training/confidentiality', 'lesson-2', '#top', '?tab=2'];
  const dropped = ['javascript:alert(1)', 'javascript&colon;alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', '&#x6A;avascript:alert(1)', 'java&Tab;script:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', 'ftp://example.com/x', 'tel:+8610123', '//evil.example/x'];
  for (const url of kept) {
    it(`keeps ${url}`, () => {
      expect(hrefOf(`[a](${url})`)).toBe(url.replace(/&/g, '&amp;'));
    });
  }
  for (const url of dropped) {
    it(`drops ${url}`, () => {
      expect(hrefOf(`[a](${url})`)).toBe('#');
      expect(hrefOf(`![i](${url})`)).toBe('#');
    });
  }
});
