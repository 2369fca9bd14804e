import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as listChecklists } from "./catalog_BsbRxjFx.mjs";
import { i as json, r as handle } from "./http_0lpnW3L4.mjs";
import { t as requestLocale } from "./_request-locale_BQ0DKAmq.mjs";
// src/pages/api/checklists/index.ts
var checklists_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle(async (ctx) => {
	const locale = requestLocale(ctx.url, ctx.locals.locale);
	return json(listChecklists(locale).map((c) => ({
		slug: c.slug,
		locale: c.locale,
		title: c.title,
		version: c.version,
		sections: c.sections
	})));
});
// \0virtual:astro:page:src/pages/api/checklists/index@_@ts
var page = () => checklists_exports;
export { page };
