// src/lib/audit/format-when.ts
var formatters = /* @__PURE__ */ new Map();
function formatter(locale, withTime) {
	const key = `${locale}:${withTime}`;
	let f = formatters.get(key);
	if (!f) {
		const options = withTime ? {
			dateStyle: "medium",
			timeStyle: "short",
			hourCycle: "h23",
			timeZone: "UTC"
		} : {
			dateStyle: "medium",
			timeZone: "UTC"
		};
		f = new Intl.DateTimeFormat(locale === "zh-cn" ? "zh-CN" : "en-GB", options);
		formatters.set(key, f);
	}
	return f;
}
/** A day, e.g. "3 Mar 2026". */
function formatDate(locale, at) {
	return formatter(locale, false).format(at);
}
/** A day and time in UTC, e.g. "3 Mar 2026, 14:05 UTC". */
function formatDateTime(locale, at) {
	return `${formatter(locale, true).format(at)} UTC`;
}
export { formatDateTime as n, formatDate as t };
