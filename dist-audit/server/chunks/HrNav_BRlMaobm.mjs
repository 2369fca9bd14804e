import { A as renderTemplate, N as addAttribute, j as maybeRenderHead } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
// src/components/hr/HrNav.astro
createAstro("https://astro.build");
var $$HrNav = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$HrNav;
	const { locale, path } = Astro.locals;
	const t = translator(locale);
	const tabs = [
		{
			path: "/hr",
			key: "hr.nav.dashboard"
		},
		{
			path: "/hr/people",
			key: "hr.nav.people"
		},
		{
			path: "/hr/assign",
			key: "hr.nav.assign"
		},
		{
			path: "/hr/questions",
			key: "hr.nav.questions"
		},
		{
			path: "/hr/import",
			key: "hr.nav.import"
		}
	];
	const current = (p) => p === "/hr" ? path === "/hr" || path === "/hr/" : path.startsWith(p);
	return renderTemplate`${maybeRenderHead($$result)}<nav class="hr-tabs"${addAttribute(t("hr.nav.label"), "aria-label")} data-testid="hr-tabs">${tabs.map((tab) => renderTemplate`<a${addAttribute(localePath(locale, tab.path), "href")}${addAttribute(current(tab.path) ? "page" : void 0, "aria-current")}>${t(tab.key)}</a>`)}</nav>`;
}, "/work/main/src/components/hr/HrNav.astro", void 0);
export { $$HrNav as t };
