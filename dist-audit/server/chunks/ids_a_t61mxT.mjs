import crypto from "node:crypto";
// src/lib/ids.ts
var alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
/** A random, unguessable, URL-safe id (about 100 bits). */
function newId(length = 20) {
	const bytes = crypto.randomBytes(length);
	let out = "";
	for (const b of bytes) out += alphabet[b % 32];
	return out;
}
/** A short code people can read aloud or type: groups of four, upper case. */
function newReadableCode(groups = 3) {
	return Array.from({ length: groups }, () => newId(4).toUpperCase()).join("-");
}
/** SHA-256 of bytes or text, hex. */
function sha256Hex(data) {
	return crypto.createHash("sha256").update(data).digest("hex");
}
export { newReadableCode as n, sha256Hex as r, newId as t };
