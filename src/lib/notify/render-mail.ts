// Writes one mail (subject, plain text, HTML) for a person from their pending notifications, in
// their language. Pure: the composer passes the rows, the reader and the public base URL.
import { t, type Locale } from '../../i18n/index.ts';
import { getCourse } from '../content/catalog.ts';
import { localePath } from '../locale-path.ts';
import { formatDay } from '../training/format-date.ts';
import type { MailParam } from './enqueue-mail.ts';

export type MailItem = { kind: string; link: string; params: Record<string, MailParam> };
export type RenderedMail = { subject: string; text: string; html: string };

type Flat = Record<string, string | number>;

/** Turns stored params into text: `*At` times into dates, `courseSlug` into the course title. */
export function flattenParams(locale: Locale, params: Record<string, unknown>): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || Array.isArray(v) || typeof v === 'object') continue;
    out[k] = k.endsWith('At') && typeof v === 'number' ? formatDay(locale, v) : (v as string | number);
  }
  if (typeof params.courseSlug === 'string') out.course = getCourse(params.courseSlug, locale)?.meta.title ?? params.courseSlug;
  return out;
}

/** The absolute link to an app path in the reader's language. */
export function absoluteLink(publicUrl: string, locale: Locale, path: string): string {
  return publicUrl.replace(/\/+$/, '') + localePath(locale, path);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Paragraph = { line: string; list: string[]; url: string };

function paragraph(locale: Locale, publicUrl: string, item: MailItem): Paragraph {
  const flat = flattenParams(locale, item.params);
  const list = Object.values(item.params)
    .filter((v): v is Array<Record<string, string | number | null>> => Array.isArray(v))
    .flatMap((entries) => entries.map((e) => t(locale, `notify.${item.kind}.item`, flattenParams(locale, e))));
  return { line: t(locale, `notify.${item.kind}.line`, flat), list, url: absoluteLink(publicUrl, locale, item.link) };
}

/** One mail for `items` (one or more); several make a digest with one paragraph and link each. */
export function renderMail(o: { locale: Locale; name: string; publicUrl: string; items: MailItem[] }): RenderedMail {
  const { locale, publicUrl, items } = o;
  if (items.length === 0) throw new Error('renderMail needs at least one item');
  const first = items[0]!;
  const subject = items.length === 1 ? t(locale, `notify.${first.kind}.subject`, flattenParams(locale, first.params)) : t(locale, 'notify.digest.subject', { count: items.length });
  const paragraphs = items.map((i) => paragraph(locale, publicUrl, i));
  const greeting = t(locale, 'notify.greeting', { name: o.name });
  const footer = t(locale, 'notify.footer', { app: t(locale, 'app.name'), url: absoluteLink(publicUrl, locale, '/me') });
  const intro = items.length > 1 ? t(locale, 'notify.digest.intro') : null;

  const text = [
    greeting,
    '',
    ...(intro ? [intro, ''] : []),
    ...paragraphs.flatMap((p) => [p.line, ...p.list.map((l) => `  - ${l}`), t(locale, 'notify.open', { url: p.url }), '']),
    '--',
    footer,
    '',
  ].join('\n');

  const htmlParagraphs = paragraphs
    .map((p) => {
      const list = p.list.length ? `<ul>${p.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '';
      return `<p>${escapeHtml(p.line)}</p>${list}<p><a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a></p>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="${locale === 'zh-cn' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>
<p>${escapeHtml(greeting)}</p>
${intro ? `<p>${escapeHtml(intro)}</p>\n` : ''}${htmlParagraphs}
<hr><p style="color:#666;font-size:small">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
