import { st as defineMiddleware, t as sequence } from "./chunks/sequence_CAHa1XuD.mjs";
import { n as decideAccess } from "./chunks/permissions_DBoHzJdR.mjs";
import { n as errorResponse } from "./chunks/http_0lpnW3L4.mjs";
import { i as splitLocale, t as localePath } from "./chunks/locale-path_D_etMj1E.mjs";
import { t as runtime } from "./chunks/runtime_CZkbGW4P.mjs";
// src/middleware.ts
var SECURITY_HEADERS = {
	"content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
	"x-content-type-options": "nosniff",
	"referrer-policy": "same-origin",
	"x-frame-options": "DENY",
	"permissions-policy": "camera=(self), geolocation=(), microphone=()"
};
var onRequest$1 = defineMiddleware(async (context, next) => {
	const url = new URL(context.request.url);
	const { locale, path } = splitLocale(url.pathname);
	context.locals.locale = locale;
	context.locals.path = path;
	context.locals.user = null;
	context.locals.session = null;
	const { lucia } = await runtime();
	const sessionId = context.cookies.get(lucia.sessionCookieName)?.value ?? null;
	if (sessionId) {
		const { session, user } = await lucia.validateSession(sessionId);
		const secure = url.protocol === "https:";
		if (session && user?.active) {
			if (session.fresh) {
				const cookie = lucia.createSessionCookie(session.id);
				context.cookies.set(cookie.name, cookie.value, {
					...cookie.attributes,
					secure
				});
			}
			context.locals.session = session;
			context.locals.user = user;
		} else {
			if (session) await lucia.invalidateSession(session.id);
			const blank = lucia.createBlankSessionCookie();
			context.cookies.set(blank.name, blank.value, {
				...blank.attributes,
				secure
			});
		}
	}
	const isApi = path.startsWith("/api/");
	const decision = decideAccess(path, context.locals.user?.role ?? null);
	let response;
	if (decision === "login") response = isApi ? errorResponse(401, "Not logged in") : context.redirect(`${localePath(locale, "/login")}?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
	else if (decision === "forbidden") response = isApi ? errorResponse(403, "Not allowed") : await next("/forbidden");
	else {
		response = locale === "en" ? await next() : await next(path + url.search);
		if (isApi && response.status === 404 && !response.headers.get("content-type")?.includes("json")) response = errorResponse(404, "Not found");
	}
	if (!isApi && context.cookies.get("lms_locale")?.value !== locale && response.status === 200) context.cookies.set("lms_locale", locale, {
		path: "/",
		sameSite: "lax",
		maxAge: 31536e3,
		httpOnly: true
	});
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		const existing = response.headers.get(name);
		response.headers.set(name, existing && name === "content-security-policy" ? `${existing.replace(/;\s*$/, "")}; ${value}` : existing ?? value);
	}
	if (context.locals.user && !response.headers.has("cache-control")) response.headers.set("cache-control", "private, no-store");
	return response;
});
// \0virtual:astro:middleware
var onRequest = sequence(onRequest$1);
export { onRequest };
