// Astro hands an endpoint reached through the middleware's /zh-cn rewrite the context of the original
// URL, whose params are empty; so dynamic endpoints read their params from the locale-less path too.

/** Params of `template` (e.g. '/api/courses/[slug]/quiz'): Astro's when set, else matched from `path`. */
export function routeParams(params: Record<string, string | undefined>, path: string, template: string): Record<string, string> {
  const names: string[] = [];
  const pattern = new RegExp(`^${template.replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  const match = pattern.exec(path);
  return Object.fromEntries(names.map((name, i) => [name, params[name] ?? safeDecode(match?.[i + 1] ?? '')]));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
