import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as logout, t as clearSessionCookie } from "./session-cookie_BfiFtxBd.mjs";
import { t as localePath } from "./locale-path_D_etMj1E.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
// src/pages/logout.ts
var logout_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var POST = async ({ locals, cookies, url, redirect }) => {
	const { db, lucia } = await runtime();
	if (locals.session && locals.user) await logout({
		db,
		lucia,
		sessionId: locals.session.id,
		userId: locals.user.id
	});
	clearSessionCookie(cookies, lucia, url);
	return redirect(localePath(locals.locale, "/login"), 303);
};
// \0virtual:astro:page:src/pages/logout@_@ts
var page = () => logout_exports;
export { page };
