// src/lib/auth/permissions.ts
var roles = [
	"employee",
	"hr",
	"auditor",
	"admin"
];
var everyone = roles;
var permissions = {
	"training.take": everyone,
	"actions.own": everyone,
	"hr.view": ["hr", "admin"],
	"hr.assign": ["hr", "admin"],
	"hr.export": ["hr", "admin"],
	"users.import": ["hr", "admin"],
	"certificates.any": ["hr", "admin"],
	"audits.conduct": ["auditor", "admin"],
	"actions.manage": ["auditor", "admin"],
	"actions.verify": ["auditor", "admin"],
	"admin.users": ["admin"],
	"admin.log": ["admin"],
	"admin.signing": ["admin"]
};
/** Whether a role holds a permission. */
function can(role, permission) {
	return permissions[permission].includes(role);
}
var routeRules = [
	{
		pattern: /^\/(_astro|favicon|fonts)\b/,
		access: "public",
		example: "/favicon.svg"
	},
	{
		pattern: /^\/$/,
		access: "public",
		example: "/"
	},
	{
		pattern: /^\/login\/?$/,
		access: "public",
		example: "/login"
	},
	{
		pattern: /^\/api\/auth\/login$/,
		access: "public",
		example: "/api/auth/login"
	},
	{
		pattern: /^\/verify\/?$/,
		access: "public",
		example: "/verify"
	},
	{
		pattern: /^\/api\/reports\/verify$/,
		access: "public",
		example: "/api/reports/verify"
	},
	{
		pattern: /^\/(hr)(\/|$)/,
		access: "hr.view",
		example: "/hr"
	},
	{
		pattern: /^\/api\/hr\//,
		access: "hr.view",
		example: "/api/hr/completions"
	},
	{
		pattern: /^\/(audits)(\/|$)/,
		access: "audits.conduct",
		example: "/audits"
	},
	{
		pattern: /^\/api\/(audits|checklists)(\/|$)/,
		access: "audits.conduct",
		example: "/api/checklists"
	},
	{
		pattern: /^\/(admin)(\/|$)/,
		access: "admin.users",
		example: "/admin"
	},
	{
		pattern: /^\/api\/admin\//,
		access: "admin.users",
		example: "/api/admin/users"
	},
	{
		pattern: /./,
		access: "user",
		example: "/training"
	}
];
/** The access a path needs. */
function accessFor(pathname) {
	return routeRules.find((r) => r.pattern.test(pathname))?.access ?? "user";
}
/** Whether a user (or nobody) may reach a path; 'login' means they must sign in first. */
function decideAccess(pathname, role) {
	const access = accessFor(pathname);
	if (access === "public") return "allow";
	if (!role) return "login";
	if (access === "user") return "allow";
	return can(role, access) ? "allow" : "forbidden";
}
export { decideAccess as n, roles as r, can as t };
