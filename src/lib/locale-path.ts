import type { Locale } from '../i18n/index.ts';

/** Splits a request path into its locale and the path without the locale prefix. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  if (pathname === '/zh-cn' || pathname.startsWith('/zh-cn/')) {
    return { locale: 'zh-cn', path: pathname.slice('/zh-cn'.length) || '/' };
  }
  return { locale: 'en', path: pathname };
}

/** A path in the given locale: English unprefixed, Chinese under /zh-cn. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === 'en' ? clean : clean === '/' ? '/zh-cn/' : `/zh-cn${clean}`;
}

/** Whether an Accept-Language header prefers Chinese over English. */
export function prefersChinese(acceptLanguage: string | null): boolean {
  if (!acceptLanguage) return false;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag.startsWith('zh') || l.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('zh') ?? false;
}

/**
 * A safe same-site redirect target from a `next` parameter, or the fallback. Only a path on this
 * site passes: not `//host` or `/\\host` (which browsers read as another host), not an absolute
 * URL, and not those hidden behind percent-encoding, control characters or backslashes.
 */
export function safeNext(next: string | null, fallback: string): string {
  if (!next || next.length > 2048 || !next.startsWith('/')) return fallback;
  // browsers drop tabs and newlines from URLs and read a backslash as a slash
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let decoded = next;
  for (let i = 0; i < 3; i++) {
    try {
      const once = decodeURIComponent(decoded);
      if (once === decoded) break;
      decoded = once;
    } catch {
      return fallback;
    }
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.startsWith('//') || !decoded.startsWith('/')) return fallback;
  const base = 'http://same-site.invalid';
  const url = new URL(next, base);
  if (url.origin !== base) return fallback;
  return url.pathname + url.search + url.hash;
}
