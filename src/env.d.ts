/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    locale: import('./i18n/index.ts').Locale;
    /** the request path without its /zh-cn prefix */
    path: string;
    user: import('./lib/auth/lucia.ts').SessionUser | null;
    session: import('lucia').Session | null;
  }
}
