import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
// src/pages/404.astro
var _404_exports = /* @__PURE__ */ __exportAll({
	default: () => $$404,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$404 = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$404;
	const t = translator(Astro.locals.locale ?? "en");
	Astro.response.status = 404;
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("error.notFound.title") }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="card"><h1>${t("error.notFound.title")}</h1><p>${t("error.notFound.body")}</p><p><a${addAttribute(localePath(Astro.locals.locale ?? "en", "/"), "href")}>${t("error.backHome")}</a></p></div>` })}`;
}, "/work/main/src/pages/404.astro", void 0);
var $$file = "/work/main/src/pages/404.astro";
var $$url = "/404";
// \0virtual:astro:page:src/pages/404@_@astro
var page = () => _404_exports;
export { page };
