import { n as isLocale } from "./i18n_poIUamJY.mjs";
// src/pages/api/_request-locale.ts
/** The locale an API answer is written in: `?locale=` if valid, else the path's (/zh-cn/api/... → zh-cn). */
function requestLocale(url, fromPath) {
	const asked = url.searchParams.get("locale");
	return isLocale(asked) ? asked : fromPath;
}
export { requestLocale as t };
