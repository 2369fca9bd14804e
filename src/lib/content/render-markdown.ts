import { Marked } from 'marked';

// Course text is trusted authoring, but raw HTML in it is still shown as text: lessons render
// to plain markup only, so a pasted <script> can never run.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const marked = new Marked({ gfm: true, async: false });
const safeUrl = (href: string) => (/^\s*(javascript|vbscript|data):/i.test(href) ? '#' : href);
marked.use({
  renderer: { html: ({ text }) => escapeHtml(text) },
  // links and images keep their text but never carry a script URL
  walkTokens: (token) => {
    if (token.type === 'link' || token.type === 'image') token.href = safeUrl(token.href);
  },
});

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

/** The same rendering without the memo: for authoring previews, whose drafts change with every keystroke. */
export function renderMarkdownPreview(markdown: string): string {
  return marked.parse(markdown) as string;
}
