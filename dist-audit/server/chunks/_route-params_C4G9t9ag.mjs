// src/pages/api/_route-params.ts
/** Params of `template` (e.g. '/api/courses/[slug]/quiz'): Astro's when set, else matched from `path`. */
function routeParams(params, path, template) {
	const names = [];
	const match = new RegExp(`^${template.replace(/\[(\w+)\]/g, (_, name) => (names.push(name), "([^/]+)"))}/?$`).exec(path);
	return Object.fromEntries(names.map((name, i) => [name, params[name] ?? safeDecode(match?.[i + 1] ?? "")]));
}
function safeDecode(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return "";
	}
}
export { routeParams as t };
