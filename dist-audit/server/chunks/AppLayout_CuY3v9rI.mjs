import { A as renderTemplate, D as renderSlot, M as renderHead, N as addAttribute, T as Fragment, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as can } from "./permissions_DBoHzJdR.mjs";
// src/lib/navigation.ts
var items = [
	{
		path: "/",
		labelKey: "nav.home",
		permission: "user"
	},
	{
		path: "/training",
		labelKey: "nav.training",
		permission: "training.take"
	},
	{
		path: "/hr",
		labelKey: "nav.hr",
		permission: "hr.view"
	},
	{
		path: "/audits",
		labelKey: "nav.audits",
		permission: "audits.conduct"
	},
	{
		path: "/actions",
		labelKey: "nav.actions",
		permission: "actions.own"
	},
	{
		path: "/admin",
		labelKey: "nav.admin",
		permission: "admin.users"
	}
];
/** The navigation a role sees, from the permission table. */
function navigationFor(role) {
	return items.filter((i) => i.permission === "user" || can(role, i.permission));
}
// src/layouts/AppLayout.astro
createAstro("https://astro.build");
var $$AppLayout = createComponent(($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$AppLayout;
	const { title, wide = false } = Astro.props;
	const { locale, path, user } = Astro.locals;
	const t = translator(locale);
	const nav = user ? navigationFor(user.role) : [];
	const otherLocale = locale === "en" ? "zh-cn" : "en";
	const isCurrent = (p) => p === "/" ? path === "/" : path === p || path.startsWith(`${p}/`);
	return renderTemplate`<html${addAttribute(locale === "zh-cn" ? "zh-CN" : "en", "lang")}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" type="image/svg+xml" href="/favicon.svg"><title>${title} · ${t("app.name")}</title>${renderHead($$result)}</head><body><a class="skip" href="#main">Skip to content</a><header class="topbar"><div class="topbar-inner"><a class="brand"${addAttribute(localePath(locale, "/"), "href")}>${t("app.name")}</a>${user && renderTemplate`<nav class="mainnav"${addAttribute(t("nav.menu"), "aria-label")} data-testid="main-nav"><ul>${nav.map((item) => renderTemplate`<li><a${addAttribute(localePath(locale, item.path), "href")}${addAttribute(isCurrent(item.path) ? "page" : void 0, "aria-current")}>${t(item.labelKey)}</a></li>`)}</ul></nav>`}<div class="topbar-right"><a class="lang"${addAttribute(localePath(otherLocale, path) + Astro.url.search, "href")}${addAttribute(otherLocale, "hreflang")} data-testid="language-switch">${t(`lang.${otherLocale}`)}</a>${user && renderTemplate`${renderComponent($$result, "Fragment", Fragment, {}, { "default": ($$result) => renderTemplate`<span class="who"${addAttribute(user.email, "title")}>${user.name} · ${t(`role.${user.role}`)}</span><form method="post"${addAttribute(localePath(locale, "/logout"), "action")} class="inline"><button type="submit" class="link">${t("nav.logout")}</button></form>` })}`}</div></div></header><main id="main"${addAttribute(["page", { wide }], "class:list")}>${renderSlot($$result, $$slots["default"])}</main></body></html>`;
}, "/work/main/src/layouts/AppLayout.astro", void 0);
export { $$AppLayout as t };
