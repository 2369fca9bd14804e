// src/lib/locale-path.ts
/** Splits a request path into its locale and the path without the locale prefix. */
function splitLocale(pathname) {
	if (pathname === "/zh-cn" || pathname.startsWith("/zh-cn/")) return {
		locale: "zh-cn",
		path: pathname.slice(6) || "/"
	};
	return {
		locale: "en",
		path: pathname
	};
}
/** A path in the given locale: English unprefixed, Chinese under /zh-cn. */
function localePath(locale, path) {
	const clean = path.startsWith("/") ? path : `/${path}`;
	return locale === "en" ? clean : clean === "/" ? "/zh-cn/" : `/zh-cn${clean}`;
}
/** Whether an Accept-Language header prefers Chinese over English. */
function prefersChinese(acceptLanguage) {
	if (!acceptLanguage) return false;
	return acceptLanguage.split(",").map((part) => {
		const [tag = "", q] = part.trim().split(";q=");
		return {
			tag: tag.toLowerCase(),
			q: q === void 0 ? 1 : Number(q)
		};
	}).filter((l) => l.tag.startsWith("zh") || l.tag.startsWith("en")).sort((a, b) => b.q - a.q)[0]?.tag.startsWith("zh") ?? false;
}
/** A safe same-site redirect target from a `next` parameter, or the fallback. */
function safeNext(next, fallback) {
	return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
export { splitLocale as i, prefersChinese as n, safeNext as r, localePath as t };
