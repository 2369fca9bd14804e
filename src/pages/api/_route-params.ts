/** An endpoint's route params with absent ones as '', so handlers validate a single type. */
export function routeParams(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, value ?? '']));
}
