import { Marked } from 'marked';

// Course text is trusted authoring, but raw HTML in it is still shown as text: lessons render
// to plain markup only, so a pasted <script> can never run.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const marked = new Marked({ gfm: true, async: false });
marked.use({ renderer: { html: ({ text }) => escapeHtml(text) } });

const cache = new Map<string, string>();

/** Markdown to HTML with raw HTML escaped; memoised since lesson text does not change while running. */
export function renderMarkdown(markdown: string): string {
  let html = cache.get(markdown);
  if (html === undefined) {
    html = marked.parse(markdown) as string;
    cache.set(markdown, html);
  }
  return html;
}
