import { o as auditLog } from "./runtime_CZkbGW4P.mjs";
import { r as sha256Hex } from "./ids_a_t61mxT.mjs";
import { desc } from "drizzle-orm";
// src/lib/db/write.ts
var tail = Promise.resolve();
/** Runs `work` in a write transaction, one at a time per process; it commits or rolls back whole. */
function writeTransaction(db, work) {
	const run = tail.then(() => db.transaction(work));
	tail = run.catch(() => void 0);
	return run;
}
// src/lib/log/hash-chain.ts
var GENESIS_HASH = "0".repeat(64);
/** The hash of one entry: its content in a fixed field order, chained to the previous entry's hash. */
function entryHash(prevHash, c) {
	const canonical = JSON.stringify([
		c.seq,
		c.at,
		c.actorId,
		c.action,
		c.subjectType,
		c.subjectId,
		c.details
	]);
	return sha256Hex(`${prevHash}\n${canonical}`);
}
/** Checks consecutive rows (ordered by seq) continue a chain whose last good entry is `prev`. */
function checkChainSegment(rows, prev) {
	let last = prev;
	for (const row of rows) {
		if (row.seq !== last.seq + 1) return {
			ok: false,
			count: 0,
			badSeq: last.seq + 1,
			reason: `entry ${last.seq + 1} is missing`,
			last
		};
		if (row.prevHash !== last.hash) return {
			ok: false,
			count: 0,
			badSeq: row.seq,
			reason: `entry ${row.seq} does not follow entry ${last.seq}`,
			last
		};
		if (entryHash(row.prevHash, row) !== row.hash) return {
			ok: false,
			count: 0,
			badSeq: row.seq,
			reason: `entry ${row.seq} was changed after it was written`,
			last
		};
		last = {
			seq: row.seq,
			hash: row.hash
		};
	}
	return {
		ok: true,
		count: rows.length,
		last
	};
}
// src/lib/log/append-log.ts
/** Appends one entry to the hash-chained audit log, inside the caller's write transaction. */
async function appendLog(tx, o) {
	const [last] = await tx.select({
		seq: auditLog.seq,
		hash: auditLog.hash
	}).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
	const content = {
		seq: (last?.seq ?? 0) + 1,
		at: o.at ?? Date.now(),
		actorId: o.actorId,
		action: o.action,
		subjectType: o.subjectType ?? null,
		subjectId: o.subjectId ?? null,
		details: JSON.stringify(o.details ?? {})
	};
	const prevHash = last?.hash ?? GENESIS_HASH;
	await tx.insert(auditLog).values({
		...content,
		prevHash,
		hash: entryHash(prevHash, content)
	});
}
export { writeTransaction as i, GENESIS_HASH as n, checkChainSegment as r, appendLog as t };
