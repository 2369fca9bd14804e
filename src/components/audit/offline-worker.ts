// Registers the audit pages' service worker (public/audit-sw.js) and asks it to keep this page
// and its scripts, so the audit opens without a connection next time. Only this island does this:
// no other page ships JavaScript, and the worker's scope is the audit pages (and their list) of
// one language.

/** The scope covering this page and the audit list: /audits or /zh-cn/audits. */
export function auditScope(pathname: string): string {
  return pathname.startsWith('/zh-cn/') ? '/zh-cn/audits' : '/audits';
}

/** Registers the worker and has it keep this page; resolves once the page is kept (or at once where unsupported). */
export async function keepAuditPageOffline(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const controlled = navigator.serviceWorker.controller !== null;
  // ask the browser not to clear this site's storage under pressure: it holds changes not yet sent
  void navigator.storage?.persist?.().catch(() => false);
  await navigator.serviceWorker.register('/audit-sw.js', { scope: auditScope(window.location.pathname) });
  const registration = await navigator.serviceWorker.ready;
  const assets = new Set<string>();
  for (const entry of performance.getEntriesByType('resource')) if (new URL(entry.name).pathname.startsWith('/_astro/')) assets.add(entry.name);
  document.querySelectorAll<HTMLScriptElement>('script[src]').forEach((s) => assets.add(s.src));
  document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"], link[rel="modulepreload"]').forEach((l) => assets.add(l.href));
  document.querySelectorAll('astro-island').forEach((island) => {
    for (const name of ['component-url', 'renderer-url']) {
      const value = island.getAttribute(name);
      if (value) assets.add(new URL(value, window.location.href).href);
    }
  });
  // a page the worker served went through it and is kept already; the first visit's is fetched again
  registration.active?.postMessage({ type: 'keep-audit-page', page: window.location.pathname, assets: [...assets], fetchPage: !controlled });
}
