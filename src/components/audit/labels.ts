// The island's strings arrive as a flat `labels` object built on the server (i18n lives there).
export type Labels = Record<string, string>;

/** Looks a label up and fills its {placeholders}. */
export function fmt(labels: Labels, key: string, params: Record<string, string | number> = {}): string {
  return (labels[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
