/** UI strings of the coverage view, merged into the one dictionary by ../messages.ts. */
export const COVERAGE_ZH = {
  'coverage.title': '银行覆盖与白区',
} as const;

export const COVERAGE_EN: Record<keyof typeof COVERAGE_ZH, string> = {
  'coverage.title': 'Bank coverage and white space',
};
