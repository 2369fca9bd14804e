import { Marked } from 'marked';

// Course text is trusted authoring, but raw HTML in it is still shown as text: lessons render
// to plain markup only, so a pasted <script> can never run.
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const marked = new Marked({ gfm: true, async: false });
/**
 * A link or image address kept only if it is http(s), mailto, or relative; anything else becomes '#'.
 * An allow-list, judged on the address as a browser would read it (entities decoded, whitespace
 * and control characters dropped), so `javascript&colon;` or `java\tscript:` cannot slip through.
 */
export function safeUrl(href: string): string {
  const seen = decodeEntities(href).replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(seen)?.[1]?.toLowerCase();
  if (scheme === undefined) return /^[\\/]{2}/.test(seen) ? '#' : href; // relative, but not protocol-relative
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? href : '#';
}

const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', amp: '&', lpar: '(', rpar: ')', period: '.', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** HTML character references decoded, as a browser does before it reads a URL's scheme. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1]?.toLowerCase() === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}
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
