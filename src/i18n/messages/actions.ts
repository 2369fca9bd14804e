// UI strings of the actions area.
export const actions = {
  en: {},
  'zh-cn': {},
} satisfies { en: Record<string, string>; 'zh-cn': Record<string, string> };
