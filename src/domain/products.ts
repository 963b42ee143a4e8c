import type { Product, ProductCode } from './schema';

/**
 * The financing products of domain.md §2.7 with UI labels. Spreads are basis points over the 1-year
 * LPR (5-year for medium/long-term loans); tenors in months. Labels follow §2.9, not the source
 * translations (“repay-as-you-go”, not “loan with repayment”).
 */
export const PRODUCT_CATALOGUE: readonly Product[] = [
  {
    code: 'SCF_AR',
    nameZh: '应收账款融资',
    nameEn: 'Receivables financing',
    category: 'supply_chain',
    typicalTenorMonths: [3, 6],
    typicalSpreadBp: [-30, 60],
    descriptionZh: '以对链主或大型买方的应收账款融资，含保理、供应链票据、数字债权凭证。',
    descriptionEn:
      'Financing against receivables from a chain leader or large buyer: factoring, SCF bills, e-payables.',
  },
  {
    code: 'SCF_ORDER',
    nameZh: '订单融资',
    nameEn: 'Purchase-order financing',
    category: 'supply_chain',
    typicalTenorMonths: [3, 9],
    typicalSpreadBp: [0, 80],
    descriptionZh: '凭核心企业订单提供生产备货资金。',
    descriptionEn: 'Working capital to fulfil confirmed orders from a core enterprise.',
  },
  {
    code: 'SCF_WAREHOUSE',
    nameZh: '仓单质押融资',
    nameEn: 'Warehouse-receipt financing',
    category: 'supply_chain',
    typicalTenorMonths: [3, 12],
    typicalSpreadBp: [-10, 60],
    descriptionZh: '以标准仓单（可交割大宗商品）质押融资。',
    descriptionEn: 'Pledge of standard warehouse receipts for exchange-deliverable commodities.',
  },
  {
    code: 'SCF_INVENTORY',
    nameZh: '存货（动产）质押融资',
    nameEn: 'Inventory (movable-asset) financing',
    category: 'supply_chain',
    typicalTenorMonths: [3, 12],
    typicalSpreadBp: [0, 80],
    descriptionZh: '以存货等动产质押，在动产融资统一登记系统登记。',
    descriptionEn:
      'Pledge of inventory and other movable assets, registered in the unified system.',
  },
  {
    code: 'IP_PLEDGE',
    nameZh: '知识产权质押融资',
    nameEn: 'IP-pledge financing',
    category: 'collateral',
    typicalTenorMonths: [12, 36],
    typicalSpreadBp: [20, 120],
    descriptionZh: '以专利、商标等知识产权质押融资。',
    descriptionEn: 'Loans secured by patents, trademarks and other intellectual property.',
  },
  {
    code: 'WC_LOAN',
    nameZh: '流动资金贷款',
    nameEn: 'Working-capital loan',
    category: 'credit',
    typicalTenorMonths: [6, 12],
    typicalSpreadBp: [20, 150],
    descriptionZh: '最常见的普通流动资金贷款。',
    descriptionEn: 'The ordinary working-capital loan.',
  },
  {
    code: 'FIRST_LOAN',
    nameZh: '首贷',
    nameEn: 'First loan',
    category: 'credit',
    typicalTenorMonths: [6, 12],
    typicalSpreadBp: [40, 180],
    descriptionZh: '面向从未获得银行贷款的企业的首笔贷款。',
    descriptionEn: 'A first-ever bank loan for a firm with no bank credit.',
  },
  {
    code: 'CREDIT_LOAN',
    nameZh: '信用贷款',
    nameEn: 'Credit (unsecured) loan',
    category: 'credit',
    typicalTenorMonths: [6, 12],
    typicalSpreadBp: [60, 250],
    descriptionZh: '无抵押信用贷款，含银税互动、“专精特新贷”。',
    descriptionEn: 'Unsecured loans, including bank–tax interaction and SRDI loans.',
  },
  {
    code: 'RENEWAL_NO_PRINCIPAL',
    nameZh: '无还本续贷',
    nameEn: 'Renewal without principal repayment',
    category: 'tenor',
    typicalTenorMonths: [12, 12],
    typicalSpreadBp: [20, 120],
    descriptionZh: '到期贷款无需先还本金即可续贷；中型企业流动资金贷款适用至2027年9月30日。',
    descriptionEn:
      'Maturing loans renewed without first repaying principal; for medium firms’ working-capital loans until 30 Sep 2027.',
  },
  {
    code: 'REVOLVING',
    nameZh: '随借随还贷款',
    nameEn: 'Repay-as-you-go (revolving) loan',
    category: 'tenor',
    typicalTenorMonths: [12, 36],
    typicalSpreadBp: [20, 150],
    descriptionZh: '额度内随借随还，按实际用款计息。',
    descriptionEn: 'Draw and repay within a line; interest on the amount used.',
  },
  {
    code: 'MLT_LOAN',
    nameZh: '中长期贷款',
    nameEn: 'Medium/long-term loan',
    category: 'tenor',
    typicalTenorMonths: [36, 60],
    typicalSpreadBp: [-20, 80],
    descriptionZh: '用于技术改造、设备更新的中长期贷款。',
    descriptionEn: 'Loans for technology upgrades and equipment renewal.',
  },
  {
    code: 'GOV_GUARANTEE',
    nameZh: '政府性融资担保',
    nameEn: 'Government-backed guarantee',
    category: 'guarantee',
    typicalTenorMonths: [6, 36],
    descriptionZh: '政府性融资担保机构增信；500万元以下担保费率不超过1%。',
    descriptionEn: 'Credit enhancement by a government guarantor; fee ≤ 1% up to 5 m CNY.',
  },
  {
    code: 'EQUITY',
    nameZh: '股权融资',
    nameEn: 'Equity financing',
    category: 'equity',
    typicalTenorMonths: [36, 84],
    descriptionZh: '产业基金、创投、北交所/区域性股权市场。',
    descriptionEn: 'Industrial funds, venture capital, BSE and regional equity markets.',
  },
  {
    code: 'INSURANCE',
    nameZh: '保险增信',
    nameEn: 'Insurance credit enhancement',
    category: 'insurance',
    typicalTenorMonths: [6, 36],
    descriptionZh: '出口信用保险、首台套保险、贷款保证保险。',
    descriptionEn: 'Export-credit, first-of-a-kind and loan-guarantee insurance.',
  },
  {
    code: 'LEASING',
    nameZh: '融资租赁',
    nameEn: 'Financial leasing',
    category: 'other',
    typicalTenorMonths: [24, 60],
    descriptionZh: '设备密集型企业的融资租赁。',
    descriptionEn: 'Leasing for equipment-heavy firms.',
  },
  {
    code: 'TRADE_FINANCE',
    nameZh: '贸易融资',
    nameEn: 'Trade finance',
    category: 'supply_chain',
    typicalTenorMonths: [3, 6],
    typicalSpreadBp: [0, 80],
    descriptionZh: '面向出口企业的贸易融资。',
    descriptionEn: 'Trade finance for exporters.',
  },
  {
    code: 'OTHER',
    nameZh: '其他',
    nameEn: 'Other',
    category: 'other',
    typicalTenorMonths: [1, 60],
    descriptionZh: '其他融资方式。',
    descriptionEn: 'Other financing.',
  },
];

const BY_CODE = new Map(PRODUCT_CATALOGUE.map((p) => [p.code, p] as const));

/** The catalogue entry of a product code (every code has one). */
export function productOf(code: ProductCode): Product {
  const p = BY_CODE.get(code);
  if (!p) throw new Error(`unknown product code: ${code}`);
  return p;
}
