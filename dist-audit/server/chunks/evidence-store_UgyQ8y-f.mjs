import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
// src/lib/audit/evidence-store.ts
/** The path of a file relative to the data directory, as kept in the evidence row. */
function evidencePath(sha256) {
	return path.join("evidence", sha256.slice(0, 2), sha256);
}
/** Writes the bytes under their digest unless they are there already (write to a temporary name, then rename). */
function storeEvidenceFile(dataDir, sha256, bytes) {
	const relative = evidencePath(sha256);
	const target = path.join(dataDir, relative);
	if (fs.existsSync(target)) return relative;
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const tmp = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
	fs.writeFileSync(tmp, bytes, { mode: 384 });
	fs.renameSync(tmp, target);
	return relative;
}
/** Reads a stored file back; throws if it is gone or no longer matches its digest. */
function readEvidenceFile(dataDir, relative, sha256) {
	const bytes = fs.readFileSync(path.join(dataDir, relative));
	if (crypto.createHash("sha256").update(bytes).digest("hex") !== sha256) throw new Error(`Evidence file ${relative} does not match its SHA-256`);
	return bytes;
}
export { storeEvidenceFile as n, readEvidenceFile as t };
