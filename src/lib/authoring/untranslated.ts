// "Not yet translated": a Chinese text that is still the English one. The editor fills a new
// lesson, question or item in both columns with the English text, so whatever nobody translated
// since shows here. Pure; over any document, by walking both languages side by side.
import type { ContentDoc } from '../content/documents.ts';

/** Fields (e.g. `zh-cn.lessons.2.markdown`) whose Chinese text is identical to the English and has Latin letters in it. */
export function untranslatedFields(doc: ContentDoc): string[] {
  const found: string[] = [];
  const walk = (en: unknown, zh: unknown, path: string) => {
    if (typeof en === 'string') {
      if (typeof zh === 'string' && zh.trim() === en.trim() && /[A-Za-z]{2,}/.test(en) && !/(^|\.)(id|slug|type|severity|evidence)$/.test(path)) found.push(`zh-cn.${path}`);
      return;
    }
    if (Array.isArray(en)) return en.forEach((v, i) => walk(v, Array.isArray(zh) ? zh[i] : undefined, `${path}.${i}`));
    if (en && typeof en === 'object') for (const [k, v] of Object.entries(en)) walk(v, zh && typeof zh === 'object' ? (zh as Record<string, unknown>)[k] : undefined, path ? `${path}.${k}` : k);
  };
  walk(doc.en, doc['zh-cn'], '');
  return found;
}
