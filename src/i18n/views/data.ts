/** UI strings of the data view, merged into the one dictionary by ../messages.ts. */
export const DATA_ZH = {
  'data.title': '数据管理',
} as const;

export const DATA_EN: Record<keyof typeof DATA_ZH, string> = {
  'data.title': 'Data',
};
