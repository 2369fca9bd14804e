import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { n as setSessionCookie, r as login } from "./session-cookie_BfiFtxBd.mjs";
import { t as config } from "./config_B843mDYI.mjs";
import { i as json, r as handle, s as readJson, t as clientAddressOf } from "./http_0lpnW3L4.mjs";
import { t as runtime } from "./runtime_CZkbGW4P.mjs";
import { z } from "zod";
// src/pages/api/auth/login.ts
var login_exports = /* @__PURE__ */ __exportAll({ POST: () => POST });
var body = z.object({
	email: z.string().max(254),
	password: z.string().max(1024)
});
var POST = handle(async (ctx) => {
	const input = await readJson(ctx.request, body);
	const { db, lucia } = await runtime();
	const address = clientAddressOf(ctx.request, ctx.clientAddress, config().trustedProxyHeader);
	const { session, user } = await login({
		db,
		lucia,
		email: input.email,
		password: input.password,
		address
	});
	setSessionCookie(ctx.cookies, lucia, session.id, ctx.url);
	return json({ user });
});
// \0virtual:astro:page:src/pages/api/auth/login@_@ts
var page = () => login_exports;
export { page };
