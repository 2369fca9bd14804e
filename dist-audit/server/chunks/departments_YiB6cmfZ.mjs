import { d as departments } from "./runtime_CZkbGW4P.mjs";
import { t as newId } from "./ids_a_t61mxT.mjs";
import { eq } from "drizzle-orm";
// src/lib/auth/departments.ts
/** The department with this name, created if it does not exist yet. */
async function ensureDepartment(tx, name) {
	const trimmed = name.trim();
	const [found] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.name, trimmed)).limit(1);
	if (found) return found.id;
	const id = newId();
	await tx.insert(departments).values({
		id,
		name: trimmed,
		createdAt: Date.now()
	});
	return id;
}
/** All departments by name. */
function listDepartments(db) {
	return db.select({
		id: departments.id,
		name: departments.name
	}).from(departments).orderBy(departments.name);
}
export { listDepartments as n, ensureDepartment as t };
