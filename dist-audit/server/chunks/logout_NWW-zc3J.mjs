import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { i as logout, t as clearSessionCookie } from "./session-cookie_BfiFtxBd.mjs";
import { r as handle } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
// src/pages/api/auth/logout.ts
var logout_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var POST = handle(async ({ locals, cookies, url }) => {
	const { db, lucia } = await runtime();
	if (locals.session && locals.user) await logout({
		db,
		lucia,
		sessionId: locals.session.id,
		userId: locals.user.id
	});
	clearSessionCookie(cookies, lucia, url);
	return new Response(null, { status: 204 });
});
// \0virtual:astro:page:src/pages/api/auth/logout@_@ts
var page = () => logout_exports;
export { page };
