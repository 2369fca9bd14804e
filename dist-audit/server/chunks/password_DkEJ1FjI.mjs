import { hash, verify } from "@node-rs/argon2";
// src/lib/auth/password.ts
var options = {
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
};
/** Why a password is too weak, or null when it is acceptable. */
function passwordProblem(password) {
	if (password.length < 12) return `Password must be at least 12 characters`;
	if (password.length > 256) return "Password must be at most 256 characters";
	return null;
}
/** Hashes a password with argon2id. */
function hashPassword(password) {
	return hash(password, options);
}
var dummyHash;
/** Checks a password against a stored hash (or a dummy one, to spend the same time). */
async function verifyPassword(storedHash, password) {
	dummyHash ??= hashPassword("not-a-real-password-for-timing");
	const target = storedHash ?? await dummyHash;
	const ok = await verify(target, password).catch(() => false);
	return storedHash !== null && ok;
}
export { passwordProblem as n, verifyPassword as r, hashPassword as t };
