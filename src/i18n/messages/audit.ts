// UI strings of the audit area.
export const audit = {
  en: {},
  'zh-cn': {},
} satisfies { en: Record<string, string>; 'zh-cn': Record<string, string> };
