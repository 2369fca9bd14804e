import { o as tooManyRequests, s as unauthorized } from "./errors_BHtcPHCU.mjs";
import { _ as users, m as loginFailures } from "./runtime_CZkbGW4P.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { r as verifyPassword } from "./password_DkEJ1FjI.mjs";
import { and, count, eq, gte, lt, min } from "drizzle-orm";
// src/lib/auth/rate-limit.ts
var LOGIN_WINDOW_MS = 9e5;
var accountKey = (email) => `account:${email.toLowerCase()}`;
var addressKey = (address) => `address:${address}`;
/** Whether enough failures fall inside the window to refuse another try. */
function isThrottled(failuresInWindow, limit) {
	return failuresInWindow >= limit;
}
/** Failures for a key within the window ending now, and when the oldest of them leaves it. */
async function failuresFor(db, key, now) {
	const since = now - LOGIN_WINDOW_MS;
	const rows = await db.select({
		n: count(),
		oldest: min(loginFailures.at)
	}).from(loginFailures).where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)));
	const n = rows[0]?.n ?? 0;
	return {
		count: n,
		retryAt: n > 0 && rows[0]?.oldest ? rows[0].oldest + LOGIN_WINDOW_MS : now
	};
}
/** Records one failed login against both the account and the client address. */
async function recordFailure(tx, keys, now) {
	await tx.insert(loginFailures).values(keys.map((key) => ({
		key,
		at: now
	})));
	await tx.delete(loginFailures).where(lt(loginFailures.at, now - LOGIN_WINDOW_MS));
}
// src/lib/auth/login.ts
/** Checks credentials under the rate limits; on success opens a session, on failure counts it. Both are logged. */
async function login(o) {
	const now = o.now ?? Date.now();
	const email = o.email.trim().toLowerCase();
	const [account, address] = await Promise.all([failuresFor(o.db, accountKey(email), now), failuresFor(o.db, addressKey(o.address), now)]);
	if (isThrottled(account.count, 5) || isThrottled(address.count, 50)) {
		const retryAt = Math.max(isThrottled(account.count, 5) ? account.retryAt : 0, isThrottled(address.count, 50) ? address.retryAt : 0);
		throw tooManyRequests("Too many failed attempts. Try again later.", { retryAfterSeconds: Math.ceil((retryAt - now) / 1e3) });
	}
	const [user] = await o.db.select().from(users).where(eq(users.email, email)).limit(1);
	const passwordOk = await verifyPassword(user?.passwordHash ?? null, o.password);
	if (!user || !passwordOk || !user.active) {
		await writeTransaction(o.db, async (tx) => {
			await recordFailure(tx, [accountKey(email), addressKey(o.address)], now);
			await appendLog(tx, {
				actorId: user?.id ?? null,
				action: "auth.login_failed",
				subjectType: "user",
				subjectId: user?.id,
				details: {
					email,
					address: o.address
				},
				at: now
			});
		});
		throw unauthorized("Wrong email or password");
	}
	const session = await o.lucia.createSession(user.id, {});
	await writeTransaction(o.db, (tx) => appendLog(tx, {
		actorId: user.id,
		action: "auth.login",
		subjectType: "user",
		subjectId: user.id,
		details: { address: o.address },
		at: now
	}));
	return {
		session,
		user: {
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role
		}
	};
}
/** Ends a session on the server and logs it. */
async function logout(o) {
	await o.lucia.invalidateSession(o.sessionId);
	await writeTransaction(o.db, (tx) => appendLog(tx, {
		actorId: o.userId,
		action: "auth.logout",
		subjectType: "user",
		subjectId: o.userId
	}));
}
// src/lib/auth/session-cookie.ts
/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over https. */
function setSessionCookie(cookies, lucia, sessionId, url) {
	const c = lucia.createSessionCookie(sessionId);
	cookies.set(c.name, c.value, {
		...c.attributes,
		secure: url.protocol === "https:"
	});
}
/** Clears the session cookie. */
function clearSessionCookie(cookies, lucia, url) {
	const c = lucia.createBlankSessionCookie();
	cookies.set(c.name, c.value, {
		...c.attributes,
		secure: url.protocol === "https:"
	});
}
export { logout as i, setSessionCookie as n, login as r, clearSessionCookie as t };
