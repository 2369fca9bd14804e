import type { Locale } from '../../i18n/index.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A calendar day in the reader's language, in UTC like the certificates, e.g. "3 Mar 2026" or "2026年3月3日". */
export function formatDay(locale: Locale, at: number): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'zh-cn' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(locale, f);
  }
  return f.format(at);
}
