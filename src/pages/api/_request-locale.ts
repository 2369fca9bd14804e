import { isLocale, type Locale } from '../../i18n/index.ts';

/** The locale an API answer is written in: `?locale=` if valid, else the path's (/zh-cn/api/... → zh-cn). */
export function requestLocale(url: URL, fromPath: Locale): Locale {
  const asked = url.searchParams.get('locale');
  return isLocale(asked) ? asked : fromPath;
}
