import { isLocale, type Locale } from '../../i18n/index.ts';

/** The locale an API answer is written in: `?locale=` if valid, else the path's (pages pass their own). */
export function requestLocale(url: URL, fromPath: Locale): Locale {
  const asked = url.searchParams.get('locale');
  return isLocale(asked) ? asked : fromPath;
}
