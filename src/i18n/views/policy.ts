/** UI strings of the policy view, merged into the one dictionary by ../messages.ts. */
export const POLICY_ZH = {
  'policy.title': '一链一策 · 一批',
} as const;

export const POLICY_EN: Record<keyof typeof POLICY_ZH, string> = {
  'policy.title': 'One chain, one policy · one batch',
};
