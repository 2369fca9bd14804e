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
