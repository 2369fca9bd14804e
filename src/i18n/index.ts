import { common } from './messages/common.ts';
import { errors } from './messages/errors.ts';
import { actions } from './messages/actions.ts';
import { audit } from './messages/audit.ts';
import { authoring } from './messages/authoring.ts';
import { hr } from './messages/hr.ts';
import { log } from './messages/log.ts';
import { notify } from './messages/notify.ts';
import { offline } from './messages/offline.ts';
import { pdf } from './messages/pdf.ts';
import { programme } from './messages/programme.ts';
import { sso } from './messages/sso.ts';
import { training } from './messages/training.ts';

export const locales = ['en', 'zh-cn'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

type Catalog = Record<string, string>;
type AreaMessages = { en: Catalog; 'zh-cn': Catalog };

const areas: AreaMessages[] = [common, errors, training, audit, hr, actions, pdf, log, sso, offline, notify, programme, authoring];
const catalogs: Record<Locale, Catalog> = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  'zh-cn': Object.assign({}, ...areas.map((a) => a['zh-cn'])),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Looks a UI string up by key, filling `{name}` placeholders; a missing key shows itself so it is noticed. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Returns a bound lookup for one locale, the usual way pages use it. */
export function translator(locale: Locale) {
  return (key: string, params?: Record<string, string | number>) => t(locale, key, params);
}

/** Every key of every catalog, for the test that both locales are complete. */
export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}

/** An error's text for a page: its UI string in this locale when it names one, else its message. */
export function errorText(locale: Locale, err: { message: string; key?: string | undefined; params?: Record<string, string | number> }): string {
  return err.key && catalogs[locale][err.key] ? t(locale, err.key, err.params) : err.message;
}
