// Dates on audit pages, in the reader's language and in UTC like the signed report.
import type { Locale } from '../../i18n/index.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(locale === 'zh-cn' ? 'zh-CN' : 'en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

/** A day, e.g. "3 Mar 2026". */
export function formatDate(locale: Locale, at: number): string {
  return formatter(locale, false).format(at);
}

/** A day and time in UTC, e.g. "3 Mar 2026, 14:05 UTC". */
export function formatDateTime(locale: Locale, at: number): string {
  return `${formatter(locale, true).format(at)} UTC`;
}
