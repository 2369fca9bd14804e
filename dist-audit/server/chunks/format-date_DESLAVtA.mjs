// src/lib/training/format-date.ts
var formatters = /* @__PURE__ */ new Map();
/** A calendar day in the reader's language, in UTC like the certificates, e.g. "3 Mar 2026" or "2026年3月3日". */
function formatDay(locale, at) {
	let f = formatters.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale === "zh-cn" ? "zh-CN" : "en-GB", {
			dateStyle: "medium",
			timeZone: "UTC"
		});
		formatters.set(locale, f);
	}
	return f.format(at);
}
export { formatDay as t };
