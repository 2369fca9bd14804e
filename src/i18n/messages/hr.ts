// UI strings of the hr area.
export const hr = {
  en: {},
  'zh-cn': {},
} satisfies { en: Record<string, string>; 'zh-cn': Record<string, string> };
