// Every route the app serves, read from src/pages, with dummy values for its parameters.
import fs from 'node:fs';
import path from 'node:path';
import { root } from './server.ts';

export type Route = { path: string; methods: string[]; api: boolean; file: string };

/** Lists page and endpoint routes (GET for pages; the exported methods for endpoints). */
export function listRoutes(): Route[] {
  const routes: Route[] = [];
  const pagesDir = path.join(root, 'src/pages');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(astro|ts)$/.test(e.name) && !e.name.startsWith('_')) {
        let rel = '/' + path.relative(pagesDir, full).replace(/\\/g, '/').replace(/\.(astro|ts)$/, '');
        rel = rel.replace(/\/index$/, '') || '/';
        if (rel === '/404') continue;
        const urlPath = rel.replace(/\[\.\.\.[^\]]+\]/g, 'x').replace(/\[file\]/g, 'unknownid.pdf').replace(/\[[^\]]+\]/g, 'unknownid');
        const source = fs.readFileSync(full, 'utf8');
        // an endpoint serves the methods it exports; a page serves GET, and POST when it handles a form
        const methods = e.name.endsWith('.ts')
          ? [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!)
          : source.includes("Astro.request.method === 'POST'") ? ['GET', 'POST'] : ['GET'];
        routes.push({ path: urlPath, methods, api: urlPath.startsWith('/api/'), file: path.relative(root, full) });
      }
    }
  };
  walk(pagesDir);
  return routes;
}
