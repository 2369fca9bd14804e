// How much JavaScript a page makes the browser download: its inline scripts, every script and
// modulepreload it references, the islands' component and renderer modules, and everything those
// import (static and dynamic imports), each file counted once.
import zlib from 'node:zlib';

export type JsBytes = { page: string; path: string; files: number; bytes: number; gzipBytes: number };

const attr = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!.replaceAll('&amp;', '&'));

/** Fetches the page with the cookie and sums the JavaScript it ships. */
export async function jsBytesOf(base: string, page: string, path: string, cookie: string): Promise<JsBytes> {
  const res = await fetch(base + path, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const html = await res.text();
  const inline = attr(html, /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g).filter((s) => s.trim());
  const urls = [
    ...attr(html, /<script[^>]*\bsrc="([^"]+)"/g),
    ...attr(html, /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ...attr(html, /<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g),
    ...attr(html, /\b(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g),
  ].filter(Boolean);
  const seen = new Map<string, Buffer>();
  const queue = urls.map((u) => new URL(u, base + path).href);
  while (queue.length) {
    const href = queue.shift()!;
    if (seen.has(href)) continue;
    const r = await fetch(href);
    if (r.status !== 200) throw new Error(`${href} answered ${r.status}`);
    const code = Buffer.from(await r.arrayBuffer());
    seen.set(href, code);
    const text = code.toString('utf8');
    // minified ES modules: import"./a.js", import{x}from"./b.js", export*from"./c.js", import("./d.js")
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+\.m?js)["']/g)) queue.push(new URL(m[1]!, href).href);
  }
  const all = [...inline.map((s) => Buffer.from(s)), ...seen.values()];
  const bytes = all.reduce((n, b) => n + b.byteLength, 0);
  const gzipBytes = all.reduce((n, b) => n + zlib.gzipSync(b).byteLength, 0);
  return { page, path, files: seen.size + inline.length, bytes, gzipBytes };
}
