import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
// src/pages/forbidden.astro
var forbidden_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Forbidden,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Forbidden = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Forbidden;
	const t = translator(Astro.locals.locale);
	Astro.response.status = 403;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("error.forbidden.title") }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="card" data-testid="forbidden"><h1>${t("error.forbidden.title")}</h1><p>${t("error.forbidden.body")}</p><p><a${addAttribute(localePath(Astro.locals.locale, "/"), "href")}>${t("error.backHome")}</a></p></div>` })}`;
}, "/work/main/src/pages/forbidden.astro", void 0);
var $$file = "/work/main/src/pages/forbidden.astro";
var $$url = "/forbidden";
// \0virtual:astro:page:src/pages/forbidden@_@astro
var page = () => forbidden_exports;
export { page };
