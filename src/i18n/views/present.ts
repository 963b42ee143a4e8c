/** UI strings of the present view, merged into the one dictionary by ../messages.ts. */
export const PRESENT_ZH = {
  'present.title': '演示模式',
} as const;

export const PRESENT_EN: Record<keyof typeof PRESENT_ZH, string> = {
  'present.title': 'Presentation',
};
