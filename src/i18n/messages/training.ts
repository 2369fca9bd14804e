// UI strings of the training area.
export const training = {
  en: {},
  'zh-cn': {},
} satisfies { en: Record<string, string>; 'zh-cn': Record<string, string> };
