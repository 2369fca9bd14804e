// Just enough XML for Moodle's question export: elements, attributes, text, CDATA, comments and
// the standard and numeric entities. No DTDs or external entities are ever read, by design.

export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

/** Decodes the five named entities and numeric ones; anything else is left as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos|nbsp);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[k] ?? m;
  });
}

/** Parses a document into its root element; throws XmlError on malformed input. */
export function readXml(text: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  while (i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end < 0) throw new XmlError('unterminated CDATA section');
      top().children.push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', i) || text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) throw new XmlError('unterminated declaration');
      i = end + 1;
    } else if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      const name = text.slice(i + 2, end).trim();
      if (end < 0 || stack.length < 2 || top().name !== name) throw new XmlError(`unexpected closing tag </${name}>`);
      stack.pop();
      i = end + 1;
    } else if (text[i] === '<') {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(text.slice(i, i + 4096));
      if (!m) throw new XmlError(`malformed tag at character ${i}`);
      const attrs: Record<string, string> = {};
      for (const a of m[2]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name: m[1]!, attrs, children: [] };
      top().children.push(el);
      if (!m[3]) stack.push(el);
      i += m[0].length;
    } else {
      const end = text.indexOf('<', i);
      const chunk = text.slice(i, end < 0 ? text.length : end);
      top().children.push(decodeEntities(chunk));
      i = end < 0 ? text.length : end;
    }
  }
  if (stack.length !== 1) throw new XmlError(`<${top().name}> is never closed`);
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new XmlError('no root element');
  return element;
}

/** The child elements with a name. */
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
/** The first child element with a name. */
export const child = (el: XmlElement | undefined, name: string) => (el ? childrenNamed(el, name)[0] : undefined);
/** All text inside an element. */
export const textOf = (el: XmlElement | undefined): string => (el ? el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('') : '');
