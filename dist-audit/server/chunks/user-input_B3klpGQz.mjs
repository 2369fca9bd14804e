import { r as roles } from "./permissions_DBoHzJdR.mjs";
import { a as notFound, c as unprocessable, r as conflict } from "./errors_BHtcPHCU.mjs";
import { _ as users, h as sessions, i as assignments, r as assignmentRules } from "./runtime_CZkbGW4P.mjs";
import { t as newId } from "./ids_a_t61mxT.mjs";
import { t as ensureDepartment } from "./departments_YiB6cmfZ.mjs";
import { i as writeTransaction, t as appendLog } from "./append-log_yLIJX3Fe.mjs";
import { n as passwordProblem, t as hashPassword } from "./password_DkEJ1FjI.mjs";
import { z } from "zod";
import { eq, inArray } from "drizzle-orm";
import crypto from "node:crypto";
// src/lib/training/apply-assignment-rules.ts
/** Gives a person every standing assignment of their department and of everyone that they lack; existing ones stay. */
async function applyAssignmentRulesForUser(tx, userId) {
	const [user] = await tx.select({
		departmentId: users.departmentId,
		active: users.active
	}).from(users).where(eq(users.id, userId));
	if (!user?.active) return 0;
	const scopes = user.departmentId ? ["*", user.departmentId] : ["*"];
	const rules = await tx.select().from(assignmentRules).where(inArray(assignmentRules.scopeKey, scopes));
	let added = 0;
	for (const rule of rules) {
		const result = await tx.insert(assignments).values({
			id: newId(),
			userId,
			courseSlug: rule.courseSlug,
			dueAt: rule.dueAt,
			recurMonths: rule.recurMonths,
			ruleId: rule.id,
			assignedBy: rule.createdBy,
			createdAt: Date.now()
		}).onConflictDoNothing();
		added += result.rowsAffected;
	}
	return added;
}
// src/lib/auth/manage-users.ts
/** A random password for accounts created without one (imports); shown once to whoever created them. */
function generatePassword() {
	return crypto.randomBytes(12).toString("base64url");
}
async function insertUser(tx, u, passwordHash, actorId) {
	const id = newId();
	const departmentId = u.department ? await ensureDepartment(tx, u.department) : null;
	await tx.insert(users).values({
		id,
		email: u.email,
		name: u.name,
		role: u.role,
		departmentId,
		passwordHash,
		createdAt: Date.now()
	});
	await appendLog(tx, {
		actorId,
		action: "user.create",
		subjectType: "user",
		subjectId: id,
		details: {
			email: u.email,
			role: u.role,
			department: u.department ?? null
		}
	});
	await applyAssignmentRulesForUser(tx, id);
	return id;
}
/** Creates one account with the given password (12+ characters). */
async function createUser(db, o) {
	const problem = passwordProblem(o.password);
	if (problem) throw unprocessable(problem);
	const passwordHash = await hashPassword(o.password);
	return writeTransaction(db, async (tx) => {
		const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, o.user.email));
		if (existing) throw conflict(`A user with the email ${o.user.email} already exists`);
		return insertUser(tx, o.user, passwordHash, o.actorId);
	});
}
/** Imports validated users all together: if any email already exists nothing is imported. Returns their one-time passwords. */
async function importUsers(db, o) {
	const withPasswords = await Promise.all(o.users.map(async (u) => {
		const password = generatePassword();
		return {
			u,
			password,
			hash: await hashPassword(password)
		};
	}));
	return writeTransaction(db, async (tx) => {
		const emails = o.users.map((u) => u.email);
		const existing = emails.length ? await tx.select({ email: users.email }).from(users).where(inArray(users.email, emails)) : [];
		if (existing.length > 0) throw conflict(`These emails already have accounts: ${existing.map((e) => e.email).join(", ")}`, { emails: existing.map((e) => e.email) });
		const created = [];
		for (const { u, password, hash } of withPasswords) {
			await insertUser(tx, u, hash, o.actorId);
			created.push({
				email: u.email,
				name: u.name,
				password
			});
		}
		return created;
	});
}
/** Changes a user's role, department, active flag or password; deactivating or a new password ends their sessions at once. */
async function updateUser(db, o) {
	if (o.password !== void 0) {
		const problem = passwordProblem(o.password);
		if (problem) throw unprocessable(problem);
	}
	const passwordHash = o.password !== void 0 ? await hashPassword(o.password) : void 0;
	await writeTransaction(db, async (tx) => {
		const [user] = await tx.select().from(users).where(eq(users.id, o.userId));
		if (!user) throw notFound("No such user");
		if (o.userId === o.actorId && (o.active === false || o.role && o.role !== user.role)) throw unprocessable("You cannot deactivate yourself or change your own role");
		const departmentId = o.department === void 0 ? user.departmentId : o.department ? await ensureDepartment(tx, o.department) : null;
		const changes = {
			role: o.role ?? user.role,
			departmentId,
			active: o.active ?? user.active,
			...passwordHash ? { passwordHash } : {}
		};
		await tx.update(users).set(changes).where(eq(users.id, o.userId));
		if (changes.active === false || passwordHash) await tx.delete(sessions).where(eq(sessions.userId, o.userId));
		const details = {};
		if (changes.role !== user.role) details.role = {
			from: user.role,
			to: changes.role
		};
		if (departmentId !== user.departmentId) details.departmentId = {
			from: user.departmentId,
			to: departmentId
		};
		if (changes.active !== user.active) details.active = {
			from: user.active,
			to: changes.active
		};
		if (passwordHash) details.passwordReset = true;
		await appendLog(tx, {
			actorId: o.actorId,
			action: "user.update",
			subjectType: "user",
			subjectId: o.userId,
			details
		});
		if (departmentId !== user.departmentId || changes.active && !user.active) await applyAssignmentRulesForUser(tx, o.userId);
	});
}
// src/lib/auth/user-input.ts
var emailSchema = z.string().trim().toLowerCase().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "not a valid email address");
var newUserSchema = z.object({
	email: emailSchema,
	name: z.string().trim().min(1, "name is required").max(120),
	role: z.enum(roles),
	department: z.string().trim().max(120).optional().transform((d) => d ? d : void 0)
});
/** Checks every row of an import (columns email,name,role,department) and reports each bad line; nothing is partial. */
function validateUserImport(rows) {
	const problems = [];
	const users = [];
	const [header, ...body] = rows;
	const expected = [
		"email",
		"name",
		"role",
		"department"
	];
	const columns = header?.map((h) => h.trim().toLowerCase()) ?? [];
	if (expected.some((c, i) => columns[i] !== c && !(c === "department" && columns[i] === void 0))) return {
		users,
		problems: [{
			line: 1,
			message: `the first line must be the header ${expected.join(",")}`
		}]
	};
	const seen = /* @__PURE__ */ new Map();
	body.forEach((fields, index) => {
		const line = index + 2;
		if (fields.length === 1 && fields[0]?.trim() === "") return;
		const parsed = newUserSchema.safeParse({
			email: fields[0],
			name: fields[1],
			role: fields[2]?.trim().toLowerCase(),
			department: fields[3]
		});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			problems.push({
				line,
				message: `${String(issue?.path[0] ?? "row")}: ${issue?.message ?? "invalid"}`
			});
			return;
		}
		const first = seen.get(parsed.data.email);
		if (first) {
			problems.push({
				line,
				message: `email: ${parsed.data.email} already appears on line ${first}`
			});
			return;
		}
		seen.set(parsed.data.email, line);
		users.push(parsed.data);
	});
	if (users.length === 0 && problems.length === 0) problems.push({
		line: 1,
		message: "the file has no rows to import"
	});
	return {
		users,
		problems
	};
}
export { updateUser as a, importUsers as i, validateUserImport as n, createUser as r, newUserSchema as t };
