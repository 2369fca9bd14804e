// Service worker for audit pages only (registered with the scopes /audits and /zh-cn/audits by
// the checklist island; no other page registers it or ships JavaScript for it).
// - An audit page, or the list of audits: from the network when there is one (and kept), else the kept copy.
// - Its scripts and styles (/_astro/, content-hashed, never change): kept copy first.
// - Evidence files (/api/evidence/<id>, never change): kept copy first.
// Everything else, and every write, goes straight to the network: changes made offline wait in
// the page's IndexedDB queue, not here.
const CACHE = 'lms-audits-v1';
const AUDIT_PAGE = /^\/(zh-cn\/)?audits\/[A-Za-z0-9_-]+$/;
const AUDIT_LIST = /^\/(zh-cn\/)?audits$/;
const isKeptPage = (path) => AUDIT_PAGE.test(path) || AUDIT_LIST.test(path);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// The page asks for itself and its assets to be kept: on the first visit it was loaded before
// this worker controlled it, so nothing went through here yet.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.type === 'keep-audit-page') event.waitUntil(keepPage(data.page, data.assets, data.fetchPage));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isKeptPage(url.pathname)) event.respondWith(networkFirst(request, url));
    return;
  }
  if (url.pathname.startsWith('/_astro/') || url.pathname.startsWith('/api/evidence/')) event.respondWith(cacheFirst(request));
});

function pageKey(url) {
  return url.origin + url.pathname;
}

// A signal too weak to load the page in this time is treated as none, when a kept copy exists.
const NAVIGATION_TIMEOUT_MS = 8000;

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(pageKey(url));
  const fromNetwork = fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic') await cache.put(pageKey(url), response.clone());
    // a redirect (to the login page: signed out or the session ended): no kept page is shown to whoever comes next
    else if (response.type === 'opaqueredirect') await forgetPages(cache);
    // no such audit, or not this person's to see
    else if (response.status === 403 || response.status === 404) await cache.delete(pageKey(url));
    // the server is failing for now: the kept copy is more use than an error page
    else if (response.status >= 500 && kept) return kept;
    return response;
  });
  fromNetwork.catch(() => undefined); // when the kept copy answered first, a later failure is no news
  if (!kept) return fromNetwork.catch(() => offlinePage());
  let timer;
  const slow = new Promise((resolve) => (timer = setTimeout(() => resolve(kept), NAVIGATION_TIMEOUT_MS)));
  try {
    return await Promise.race([fromNetwork, slow]);
  } catch {
    return kept;
  } finally {
    clearTimeout(timer);
  }
}

async function forgetPages(cache) {
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (isKeptPage(path) || path.startsWith('/api/evidence/')) await cache.delete(request);
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

async function keepPage(page, assets, fetchPage) {
  const cache = await caches.open(CACHE);
  const origin = self.location.origin;
  for (const asset of assets) {
    const url = new URL(asset, origin);
    if (url.origin !== origin || !url.pathname.startsWith('/_astro/')) continue;
    if (await cache.match(url.href)) continue;
    try {
      const response = await fetch(url.href);
      if (response.ok) await cache.put(url.href, response);
    } catch {
      // offline already: kept on the next visit
    }
  }
  // assets of an older build are no longer used by any page
  const current = new Set(assets.map((a) => new URL(a, origin).href));
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/_astro/') && !current.has(url.href)) await cache.delete(request);
  }
  if (!fetchPage) return;
  const url = new URL(page, origin);
  if (!AUDIT_PAGE.test(url.pathname)) return;
  // the audit, and the list it is reached from, in the page's language
  const list = new URL(url.pathname.startsWith('/zh-cn/') ? '/zh-cn/audits' : '/audits', origin);
  for (const target of [url, list]) {
    try {
      const response = await fetch(target.href, { credentials: 'same-origin', redirect: 'manual' });
      if (response.ok && response.type === 'basic') await cache.put(pageKey(target), response);
    } catch {
      // offline already
    }
  }
}

function offlinePage() {
  const body =
    '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline</title>' +
    '<p>You are offline, and this page was not opened on this device while online.</p>' +
    '<p lang="zh-CN">您已离线，且此页面未曾在本设备上联网打开过。</p>';
  return new Response(body, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
