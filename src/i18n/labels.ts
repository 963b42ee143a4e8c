/**
 * The domain vocabulary of domain.md §2 in both UI languages: verdicts, roles and their reason codes,
 * size classes, SRDI tiers, stages, overlays, product reasons, institution types. Policy terms keep
 * the wording of §2 (never the source translations, §2.9).
 */
import type { ScoreFactors } from '../analysis/batch';
import type { Verdict, VerdictReason } from '../analysis/coverage';
import type { DisplayRole, InstitutionType, SizeClass, SrdiTier, Stage } from '../domain/schema';
import type { Overlay } from '../overlays/overlays';
import type { Perspective } from '../state/url-state';
import { formatShare, type Lang } from './format';

export interface Bilingual {
  zh: string;
  en: string;
}

export const VERDICT_LABELS: Record<Verdict, Bilingual & { meaningZh: string; meaningEn: string }> =
  {
    blind_spot: {
      zh: '服务空白',
      en: 'Blind spot',
      meaningZh: '没有任何银行为该环节的中小企业提供授信',
      meaningEn: 'No bank serves any SME here',
    },
    uncovered: {
      zh: '覆盖不足',
      en: 'Uncovered',
      meaningZh: '多数企业没有银行授信（覆盖率低于40%）',
      meaningEn: 'Most firms have no bank (coverage below 40%)',
    },
    underfunded: {
      zh: '满足不足',
      en: 'Underfunded',
      meaningZh: '有银行进入，但融资需求大部分未满足（满足率低于50%）',
      meaningEn: 'Banks are present but most of the need is unmet (below 50%)',
    },
    partial: {
      zh: '部分覆盖',
      en: 'Partial',
      meaningZh: '覆盖率低于70%、满足率低于80%或仅一家银行',
      meaningEn: 'Coverage below 70%, need met below 80%, or a single lender',
    },
    covered: {
      zh: '覆盖良好',
      en: 'Covered',
      meaningZh: '多家银行服务，需求基本满足',
      meaningEn: 'Several banks, need largely met',
    },
    insufficient_data: {
      zh: '数据不足',
      en: 'Insufficient data',
      meaningZh: '中小企业少于3家，不作判断',
      meaningEn: 'Fewer than 3 SMEs: too few to judge',
    },
  };

/** One sentence on why a group got its verdict, with the figure that decided it. */
export function verdictReasonText(reason: VerdictReason, lang: Lang): string {
  const pct = (x: number) => formatShare(x, lang);
  const zh = lang === 'zh';
  switch (reason.code) {
    case 'FEW_SMES':
      return zh
        ? `仅有${reason.smes}家中小企业（少于${reason.min}家）`
        : `Only ${reason.smes} SMEs (fewer than ${reason.min})`;
    case 'NO_LENDER':
      return zh ? '没有任何银行向该组中小企业授信' : 'No bank lends to any SME in the group';
    case 'LOW_COVERAGE':
      return zh
        ? `企业覆盖率${pct(reason.value)}，低于${pct(reason.threshold)}`
        : `Firm coverage ${pct(reason.value)}, below ${pct(reason.threshold)}`;
    case 'LOW_NEED_COVERAGE':
      return zh
        ? `需求满足率${pct(reason.value)}，低于${pct(reason.threshold)}`
        : `Need met ${pct(reason.value)}, below ${pct(reason.threshold)}`;
    case 'PARTIAL_COVERAGE':
      return zh
        ? `企业覆盖率${pct(reason.value)}，低于${pct(reason.threshold)}`
        : `Firm coverage ${pct(reason.value)}, below ${pct(reason.threshold)}`;
    case 'PARTIAL_NEED_COVERAGE':
      return zh
        ? `需求满足率${pct(reason.value)}，低于${pct(reason.threshold)}`
        : `Need met ${pct(reason.value)}, below ${pct(reason.threshold)}`;
    case 'SINGLE_LENDER':
      return zh ? '只有一家银行服务' : 'Served by a single lender';
    case 'WELL_COVERED':
      return zh
        ? '覆盖率与满足率均达标，且有多家银行'
        : 'Coverage and need met above thresholds, several lenders';
  }
}

export const ROLE_LABELS: Record<DisplayRole, Bilingual> = {
  strengthen: { zh: '强链', en: 'Strengthen the chain' },
  stabilize: { zh: '稳链', en: 'Stabilise the chain' },
  fill: { zh: '补链', en: 'Fill a weak link' },
  extend: { zh: '延链', en: 'Extend the chain' },
  leader: { zh: '链主', en: 'Chain leader' },
  general: { zh: '一般配套', en: 'Supporting firm' },
};

/** §5.4 reason-code tooltips, verbatim from the spec table. */
export const ROLE_REASON_LABELS: Record<string, Bilingual> = {
  'R-FILL-BREAKTHROUGH': {
    zh: '位于短板/卡脖子环节且有首台套、进口替代等技术突破',
    en: 'In a weak link with a technology breakthrough',
  },
  'R-FILL-SRDI': { zh: '短板环节的专精特新企业', en: 'SRDI firm in a weak link' },
  'R-FILL-PATENTS': { zh: '短板环节且发明专利≥5件', en: '≥ 5 invention patents in a weak link' },
  'R-FILL-SCARCE': { zh: '本地该环节企业稀少', en: 'One of very few local firms in the link' },
  'R-STAB-KEY-SUPPLIER': {
    zh: '链主关键供应商，替代来源少',
    en: 'Key supplier of a chain leader with few alternatives',
  },
  'R-STAB-DEPENDENT-STRESSED': {
    zh: '高度依赖链主且资金承压',
    en: 'Depends on leaders and is under cash stress',
  },
  'R-STAB-BREAKPOINT': { zh: '本地环节断点风险', en: 'Local breakpoint risk' },
  'R-EXT-LINK': { zh: '位于延链环节（回收、服务、新应用等）', en: 'In an extension segment' },
  'R-STR-LITTLE-GIANT': { zh: '国家级专精特新“小巨人”', en: 'National little giant' },
  'R-STR-CHAMPION': { zh: '制造业单项冠军', en: 'Single champion' },
  'R-STR-RND': { zh: '研发强度≥5%', en: 'R&D ≥ 5% of revenue' },
  'R-STR-GROWTH': { zh: '营收增长≥15%', en: 'Revenue growth ≥ 15%' },
  'R-STR-ADVANTAGE-LINK': { zh: '长板环节的专精特新企业', en: 'SRDI firm in an advantage link' },
};

/** §5.5 product-match reasons. */
export const PRODUCT_REASON_LABELS: Record<string, Bilingual> = {
  'M-AR-ON-LEADER': {
    zh: '向链主或大型企业供货，存在应收账款',
    en: 'Sells to a leader or large buyer with receivables',
  },
  'M-NO-BANK-CREDIT': {
    zh: '尚无银行授信且有融资需求',
    en: 'No bank credit yet, and a financing need',
  },
  'M-PATENTS': { zh: '拥有发明专利，可作质押', en: 'Holds invention patents to pledge' },
  'M-MATURING-90D': { zh: '贷款90天内到期', en: 'A loan matures within 90 days' },
  'M-CAPEX': {
    zh: '有技术改造或设备更新计划',
    en: 'Plans a technology upgrade or equipment renewal',
  },
  'M-TAX-OR-SRDI': {
    zh: '纳税信用A/B级或专精特新梯度企业',
    en: 'Tax grade A/B or on the SRDI ladder',
  },
  'M-NO-COLLATERAL-SMALL': {
    zh: '小微企业，缺少可抵押资产',
    en: 'Small or micro firm without mortgageable assets',
  },
  'M-EXPORT-CREDIT-INSURANCE': {
    zh: '出口占比≥20%，适用出口信用保险',
    en: 'Exports ≥ 20%: export-credit insurance',
  },
  'M-FIRST-SET-INSURANCE': {
    zh: '首台（套）突破，适用首台套保险',
    en: 'First-of-a-kind equipment: first-set insurance',
  },
  'M-ORDERS-GROWTH': {
    zh: '向链主供货且营收增长≥10%',
    en: 'Supplies a leader and grows ≥ 10%',
  },
  'M-STANDARD-COMMODITY': {
    zh: '标准化大宗商品，可仓单质押',
    en: 'Standard commodity: warehouse receipts',
  },
  'M-SRDI-RND': {
    zh: '专精特新且研发强或处短板环节',
    en: 'SRDI firm with strong R&D or in a weak link',
  },
  'M-HIGH-INVENTORY': { zh: '存货周转天数≥90天', en: 'Inventory days ≥ 90' },
  'M-WORKING-CAPITAL': { zh: '已有授信，需流动资金', en: 'Already served, needs working capital' },
  'M-EXPORTER': { zh: '出口企业', en: 'Exporter' },
};

export const SIZE_LABELS: Record<SizeClass, Bilingual> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

export const SRDI_LABELS: Record<SrdiTier, Bilingual> = {
  little_giant: { zh: '专精特新“小巨人”', en: 'SRDI little giant' },
  srdi: { zh: '专精特新中小企业', en: 'SRDI SME' },
  innovative: { zh: '创新型中小企业', en: 'Innovative SME' },
  none: { zh: '无', en: 'None' },
};

export const STAGE_LABELS: Record<Stage, Bilingual> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
};

export const OVERLAY_LABELS: Record<Overlay, Bilingual> = {
  gap: { zh: '融资缺口', en: 'Financing gap' },
  gapRatio: { zh: '缺口率', en: 'Gap ratio' },
  verdict: { zh: '覆盖判定', en: 'Coverage verdict' },
  role: { zh: '链上角色', en: 'Role in the chain' },
  size: { zh: '企业规模', en: 'Size class' },
  srdi: { zh: '专精特新', en: 'SRDI tier' },
};

/** Legend labels of the gap classes (enterprise breaks; groups use ten times these). */
export const GAP_CLASS_LABELS: Record<string, Bilingual> = {
  zero: { zh: '无缺口', en: 'No gap' },
  a: { zh: '< 100万', en: '< CNY 1m' },
  b: { zh: '100–500万', en: 'CNY 1–5m' },
  c: { zh: '500–2,000万', en: 'CNY 5–20m' },
  d: { zh: '2,000万–1亿', en: 'CNY 20–100m' },
  e: { zh: '≥ 1亿', en: '≥ CNY 100m' },
};

export const GAP_RATIO_LABELS: Record<string, Bilingual> = {
  none: { zh: '未申报需求', en: 'No need declared' },
  met: { zh: '已满足 (0%)', en: 'Met (0%)' },
  low: { zh: '≤ 30%', en: '≤ 30%' },
  mid: { zh: '30–70%', en: '30–70%' },
  high: { zh: '70–100%', en: '70–100%' },
  full: { zh: '无授信 (100%)', en: 'No credit (100%)' },
};

export const INSTITUTION_LABELS: Record<InstitutionType, Bilingual> = {
  policy_bank: { zh: '政策性银行', en: 'Policy bank' },
  large_state_bank: { zh: '国有大型商业银行', en: 'Large state-owned bank' },
  joint_stock_bank: { zh: '股份制商业银行', en: 'Joint-stock bank' },
  city_commercial_bank: { zh: '城市商业银行', en: 'City commercial bank' },
  rural_commercial_bank: { zh: '农村商业银行', en: 'Rural commercial bank' },
  rural_cooperative: { zh: '农村合作金融机构', en: 'Rural cooperative' },
  village_bank: { zh: '村镇银行', en: 'Village bank' },
  private_bank: { zh: '民营银行', en: 'Private bank' },
  foreign_bank: { zh: '外资银行', en: 'Foreign bank' },
  insurer: { zh: '保险公司', en: 'Insurer' },
  gov_guarantor: { zh: '政府性融资担保机构', en: 'Government-backed guarantor' },
  guarantor: { zh: '融资担保公司', en: 'Guarantor' },
  leasing: { zh: '融资租赁公司', en: 'Lessor' },
  factoring: { zh: '商业保理公司', en: 'Factor' },
  equity_fund: { zh: '股权投资基金', en: 'Equity fund' },
  other: { zh: '其他', en: 'Other' },
};

/** Short names of the lender types for narrow column headers (full name on hover). */
export const INSTITUTION_SHORT_LABELS: Record<InstitutionType, Bilingual> = {
  policy_bank: { zh: '政策性', en: 'Policy' },
  large_state_bank: { zh: '国有大行', en: 'Large state' },
  joint_stock_bank: { zh: '股份制', en: 'Joint stock' },
  city_commercial_bank: { zh: '城商行', en: 'City comm.' },
  rural_commercial_bank: { zh: '农商行', en: 'Rural comm.' },
  rural_cooperative: { zh: '农合机构', en: 'Rural coop.' },
  village_bank: { zh: '村镇银行', en: 'Village' },
  private_bank: { zh: '民营银行', en: 'Private' },
  foreign_bank: { zh: '外资银行', en: 'Foreign' },
  insurer: { zh: '保险', en: 'Insurer' },
  gov_guarantor: { zh: '政府担保', en: 'Gov. guar.' },
  guarantor: { zh: '担保', en: 'Guarantor' },
  leasing: { zh: '租赁', en: 'Lessor' },
  factoring: { zh: '保理', en: 'Factor' },
  equity_fund: { zh: '股权基金', en: 'Equity' },
  other: { zh: '其他', en: 'Other' },
};

/** The legend label of a class under an overlay. */
export function classLabel(overlay: Overlay, cls: string, lang: Lang): string {
  const table: Record<string, Bilingual> =
    overlay === 'gap'
      ? GAP_CLASS_LABELS
      : overlay === 'gapRatio'
        ? GAP_RATIO_LABELS
        : overlay === 'verdict'
          ? VERDICT_LABELS
          : overlay === 'role'
            ? ROLE_LABELS
            : overlay === 'size'
              ? SIZE_LABELS
              : SRDI_LABELS;
  return table[cls]?.[lang] ?? cls;
}

/** Pick the text of the current language. */
export const pick = (b: Bilingual, lang: Lang): string => b[lang];

/** Policy term shown bilingually (“稳链 Stabilise the chain”), as §2 asks for first appearances. */
export const both = (b: Bilingual, lang: Lang): string =>
  lang === 'zh' ? `${b.zh} ${b.en}` : `${b.en} ${b.zh}`;

/**
 * What the current perspective lets the app say about institutions (domain.md §9.3): the department
 * (`gov`) names every institution; a bank names itself and sees every other institution by its type
 * or as a count; a public screen names none and hides groups of fewer than three firms.
 */
export interface Disclosure {
  perspective: Perspective;
  /** The bank whose view this is; null outside bank perspective or before one is chosen. */
  myBankId: string | null;
}

export const GOV_DISCLOSURE: Disclosure = { perspective: 'gov', myBankId: null };

/**
 * May the app name this institution?
 * @example canName({ perspective: 'bank', myBankId: 'b1' }, 'b2') // false
 */
export const canName = (d: Disclosure, bankId: string): boolean =>
  d.perspective === 'gov' || (d.perspective === 'bank' && bankId === d.myBankId);

/** Are groups of one or two firms shown as “<3” (§9.3)? Not for the department. */
export const hidesSmallCounts = (d: Disclosure): boolean => d.perspective !== 'gov';

/** Are enterprise names hidden (“企业 #17”)? Only on a public screen. */
export const hidesEnterpriseNames = (d: Disclosure): boolean => d.perspective === 'public';

/**
 * An institution as the perspective may show it: its name, or its type. Unknown ids stay ids only
 * when names may be shown.
 * @example institutionLabel({ perspective: 'bank', myBankId: 'b1' }, b2, 'zh') // '城市商业银行'
 */
export function institutionLabel(
  d: Disclosure,
  bank: { id: string; nameZh: string; nameEn: string; type: InstitutionType } | undefined,
  lang: Lang,
): string {
  if (!bank) return d.perspective === 'gov' ? '—' : INSTITUTION_LABELS.other[lang];
  if (canName(d, bank.id)) return lang === 'zh' ? bank.nameZh : bank.nameEn;
  return INSTITUTION_LABELS[bank.type][lang];
}

export const PERSPECTIVE_LABELS: Record<
  Perspective,
  Bilingual & { hintZh: string; hintEn: string }
> = {
  gov: {
    zh: '主管部门/政府',
    en: 'Department / government',
    hintZh: '列出所有机构名称',
    hintEn: 'Every institution named',
  },
  bank: {
    zh: '银行',
    en: 'Bank',
    hintZh: '只显示本行名称，其他机构仅以数量或类型出现',
    hintEn: 'Only my bank is named; other institutions appear as counts or by type',
  },
  public: {
    zh: '演示/公开',
    en: 'Demo / public',
    hintZh: '不显示机构与企业名称，不足3家显示“<3”',
    hintEn: 'No institution or firm named; groups under 3 show “<3”',
  },
};

/** A score in words (issue 11: 强/中/弱, never a bare 0.822). */
export type FitLevel = 'strong' | 'medium' | 'weak';

export const FIT_LABELS: Record<FitLevel, Bilingual> = {
  strong: { zh: '强', en: 'Strong' },
  medium: { zh: '中', en: 'Medium' },
  weak: { zh: '弱', en: 'Weak' },
};

/**
 * A §5.5 product score as a fit: 0.8 and up strong (receivables on a leader, first loan, renewal,
 * capex loan), 0.6–0.7 medium, below weak.
 * @example productFit(0.9) // 'strong'; productFit(0.7) // 'medium'; productFit(0.5) // 'weak'
 */
export const productFit = (score: number): FitLevel =>
  score >= 0.8 ? 'strong' : score >= 0.6 ? 'medium' : 'weak';

/**
 * A §5.6 bank × firm score as a fit: 0.75 and up strong, 0.6 and up medium, below weak.
 * @example pairFit(0.822) // 'strong'; pairFit(0.65) // 'medium'
 */
export const pairFit = (score: number): FitLevel =>
  score >= 0.75 ? 'strong' : score >= 0.6 ? 'medium' : 'weak';

export const SCORE_FACTOR_LABELS: Record<keyof ScoreFactors, Bilingual> = {
  fit: { zh: '产品适配', en: 'product fit' },
  gap: { zh: '缺口大小', en: 'size of the gap' },
  role: { zh: '链上角色', en: 'role in the chain' },
  size: { zh: '规模匹配', en: 'size fit' },
  novelty: { zh: '首贷/老客户', en: 'new or existing client' },
};

/**
 * The terms that made a batch score, largest first, in words.
 * @example pairFactorsText({ fit: 0.28, gap: 0.18, role: 0.2, size: 0.1, novelty: 0.06 }, 'zh')
 * // → '产品适配 0.28 + 链上角色 0.20 + 缺口大小 0.18 + 规模匹配 0.10 + 首贷/老客户 0.06'
 */
export function pairFactorsText(f: ScoreFactors, lang: Lang): string {
  return (Object.keys(SCORE_FACTOR_LABELS) as (keyof ScoreFactors)[])
    .map((k) => [k, f[k]] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${SCORE_FACTOR_LABELS[k][lang]} ${v.toFixed(2)}`)
    .join(' + ');
}
