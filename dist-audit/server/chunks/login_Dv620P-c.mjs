import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { A as renderTemplate, N as addAttribute, j as maybeRenderHead, w as renderComponent } from "./sequence_CAHa1XuD.mjs";
import { n as createComponent, t as createAstro } from "./compiler_Dy-6qblA.mjs";
import { t as $$AppLayout } from "./AppLayout_CuY3v9rI.mjs";
import { a as translator } from "./i18n_poIUamJY.mjs";
import { n as setSessionCookie, r as login } from "./session-cookie_BfiFtxBd.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { t as AppError } from "./errors_BHtcPHCU.mjs";
import { t as clientAddressOf } from "./http_0lpnW3L4.mjs";
import { r as safeNext, t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
// src/pages/login.astro
var login_exports = /* @__PURE__ */ __exportAll({
	default: () => $$Login,
	file: () => $$file,
	url: () => $$url
});
createAstro("https://astro.build");
var $$Login = createComponent(async ($$result, $$props, $$slots) => {
	const Astro = $$result.createAstro($$props, $$slots);
	Astro.self = $$Login;
	const { locale } = Astro.locals;
	const t = translator(locale);
	const next = safeNext(Astro.url.searchParams.get("next"), localePath(locale, "/"));
	if (Astro.locals.user) return Astro.redirect(next, 303);
	let message = null;
	let email = "";
	if (Astro.request.method === "POST") {
		const form = await Astro.request.formData();
		email = String(form.get("email") ?? "").slice(0, 254);
		const password = String(form.get("password") ?? "").slice(0, 1024);
		if (!email || !password) {
			message = t("login.missing");
			Astro.response.status = 400;
		} else {
			const { db, lucia } = await runtime();
			try {
				const address = clientAddressOf(Astro.request, Astro.clientAddress, config().trustedProxyHeader);
				const { session } = await login({
					db,
					lucia,
					email,
					password,
					address
				});
				setSessionCookie(Astro.cookies, lucia, session.id, Astro.url);
				return Astro.redirect(next, 303);
			} catch (err) {
				if (!(err instanceof AppError)) throw err;
				Astro.response.status = err.status;
				const retry = err.details?.retryAfterSeconds ?? 900;
				message = err.status === 429 ? t("login.throttled", { minutes: Math.max(1, Math.ceil(retry / 60)) }) : t("login.failed");
			}
		}
	}
	return renderTemplate`${renderComponent($$result, "AppLayout", $$AppLayout, { "title": t("login.title") }, { "default": ($$result) => renderTemplate`${maybeRenderHead($$result)}<div class="login card"><h1>${t("login.title")}</h1><p class="muted small">${t("app.tagline")}</p>${message && renderTemplate`<p class="alert error" role="alert" data-testid="login-error">${message}</p>`}<form method="post"><label for="email">${t("login.email")}</label><input id="email" name="email" type="email" autocomplete="username" required${addAttribute(email, "value")}><label for="password">${t("login.password")}</label><input id="password" name="password" type="password" autocomplete="current-password" required><p><button type="submit">${t("login.submit")}</button></p></form><p class="small"><a${addAttribute(localePath(locale, "/verify"), "href")}>${t("nav.verify")}</a></p></div>` })}`;
}, "/work/main/src/pages/login.astro", void 0);
var $$file = "/work/main/src/pages/login.astro";
var $$url = "/login";
// \0virtual:astro:page:src/pages/login@_@astro
var page = () => login_exports;
export { page };
