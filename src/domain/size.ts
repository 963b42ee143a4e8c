import type { SizeClass } from './schema';

export interface SizeThresholds {
  large: { employees: number; revenue: number };
  medium: { employees: number; revenue: number };
  small: { employees: number; revenue: number };
}

/**
 * 统计上大中小微型企业划分办法(2017), industrial sector (domain.md §2.6). Revenue in 万元.
 * Kept as configuration because a revised SME standard would change only these numbers (§10.9).
 */
export const INDUSTRIAL_SIZE_THRESHOLDS: SizeThresholds = {
  large: { employees: 1000, revenue: 40000 },
  medium: { employees: 300, revenue: 2000 },
  small: { employees: 20, revenue: 300 },
};

/**
 * Size class under the industrial rule: large, medium and small must meet BOTH lower bounds,
 * otherwise the firm drops a class; micro is whatever is left.
 * @example classifyIndustrial(250, 50000) // 'small' (250 employees < 300)
 * @example classifyIndustrial(600, 60000) // 'medium' (600 < 1,000 employees)
 */
export function classifyIndustrial(
  employees: number,
  revenue: number,
  t: SizeThresholds = INDUSTRIAL_SIZE_THRESHOLDS,
): SizeClass {
  const meets = (b: { employees: number; revenue: number }) =>
    employees >= b.employees && revenue >= b.revenue;
  if (meets(t.large)) return 'large';
  if (meets(t.medium)) return 'medium';
  if (meets(t.small)) return 'small';
  return 'micro';
}
