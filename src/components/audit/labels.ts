// The island's strings arrive as a flat `labels` object built on the server (i18n lives there).
export type Labels = Record<string, string>;

/** Looks a label up and fills its {placeholders}. */
export function fmt(labels: Labels, key: string, params: Record<string, string | number> = {}): string {
  return (labels[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** How a change the server refused is described: the item, what the change was, and the server's reason. */
export function refusedText(labels: Labels, r: { kind: 'response' | 'evidence'; itemId: string; result?: string; fileName?: string; error: string }): string {
  return r.kind === 'response'
    ? fmt(labels, 'audit.offline.refusedResult', { id: r.itemId, result: labels[`audit.result.${r.result}`] ?? r.result ?? '', error: r.error })
    : fmt(labels, 'audit.offline.refusedFile', { id: r.itemId, name: r.fileName ?? '', error: r.error });
}
