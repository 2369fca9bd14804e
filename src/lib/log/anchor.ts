/** A record outside the table of what entry `seq`'s hash was at time `at`. */
export type Anchor = { name: string; kind: 'checkpoint' | 'document'; seq: number; hash: string; at: number };

/** What gathering one kind of anchor found: the usable anchors, and what is wrong with the others. */
export type AnchorFindings = { anchors: Anchor[]; problems: string[] };

/** A hash shortened for messages. */
export function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

/** A time for messages, to the second. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
