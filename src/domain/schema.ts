/**
 * The dataset contract (domain.md §6): zod schemas and the types inferred from them.
 * Amounts are 万元 (10,000 CNY), `…Pct` fields are 0–100, `…Share` fields 0–1, dates `YYYY-MM-DD`.
 * Derived values (gap, coverage, roles…) are never stored here; analysis/ computes them.
 */
import { z } from 'zod';

const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;

/** Amount in 万元: finite, ≥ 0, at most 2 decimals. */
export const WanSchema = z
  .number()
  .finite()
  .nonnegative()
  .refine(hasAtMostTwoDecimals, { message: 'amount must have at most 2 decimals' });
export const IsoDateSchema = z.iso.date();
export const PctSchema = z.number().min(0).max(100);
export const ShareSchema = z.number().min(0).max(1);

export const STAGES = ['upstream', 'midstream', 'downstream'] as const;
export const StageSchema = z.enum(STAGES);
export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export const SizeClassSchema = z.enum(SIZE_CLASSES);
export const CHAIN_ROLES = ['fill', 'stabilize', 'extend', 'strengthen'] as const;
export const ChainRoleSchema = z.enum(CHAIN_ROLES);
export const DISPLAY_ROLES = [...CHAIN_ROLES, 'leader', 'general'] as const;
export const DisplayRoleSchema = z.enum(DISPLAY_ROLES);
export const SRDI_TIERS = ['little_giant', 'srdi', 'innovative', 'none'] as const;
export const SrdiTierSchema = z.enum(SRDI_TIERS);
export const OwnershipSchema = z.enum([
  'private',
  'state',
  'foreign',
  'mixed',
  'collective',
  'other',
]);
export const TaxCreditGradeSchema = z.enum(['A', 'B', 'M', 'C', 'D']);

/** Lender types first (§2.8): only these count for coverage. */
export const LENDER_TYPES = [
  'policy_bank',
  'large_state_bank',
  'joint_stock_bank',
  'city_commercial_bank',
  'rural_commercial_bank',
  'rural_cooperative',
  'village_bank',
  'private_bank',
  'foreign_bank',
] as const;
export const INSTITUTION_TYPES = [
  ...LENDER_TYPES,
  'insurer',
  'gov_guarantor',
  'guarantor',
  'leasing',
  'factoring',
  'equity_fund',
  'other',
] as const;
export const InstitutionTypeSchema = z.enum(INSTITUTION_TYPES);

export const PRODUCT_CODES = [
  'SCF_AR',
  'SCF_ORDER',
  'SCF_WAREHOUSE',
  'SCF_INVENTORY',
  'IP_PLEDGE',
  'WC_LOAN',
  'FIRST_LOAN',
  'CREDIT_LOAN',
  'RENEWAL_NO_PRINCIPAL',
  'REVOLVING',
  'MLT_LOAN',
  'GOV_GUARANTEE',
  'EQUITY',
  'INSURANCE',
  'LEASING',
  'TRADE_FINANCE',
  'OTHER',
] as const;
export const ProductCodeSchema = z.enum(PRODUCT_CODES);

export const COLLATERAL_TYPES = [
  'credit',
  'guarantee_third_party',
  'guarantee_gov',
  'mortgage_property',
  'mortgage_equipment',
  'pledge_receivable',
  'pledge_ip',
  'pledge_warehouse_receipt',
  'pledge_inventory',
  'pledge_deposit',
  'insurance',
  'other',
] as const;
export const CollateralTypeSchema = z.enum(COLLATERAL_TYPES);

export const FINANCING_PURPOSES = [
  'working_capital',
  'tech_upgrade',
  'equipment_renewal',
  'rnd',
  'digital_transformation',
  'market_expansion',
  'refinancing',
  'other',
] as const;
export const FinancingPurposeSchema = z.enum(FINANCING_PURPOSES);

export const SourceRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().optional(),
  accessed: IsoDateSchema.optional(),
  note: z.string().optional(),
});

export const DatasetMetaSchema = z.object({
  schemaVersion: z.literal('1.0'),
  datasetId: z.string().min(1),
  kind: z.enum(['synthetic_demo', 'user_import']),
  isSynthetic: z.boolean(),
  titleZh: z.string(),
  titleEn: z.string(),
  disclaimerZh: z.string(),
  disclaimerEn: z.string(),
  generator: z
    .object({
      script: z.string(),
      version: z.string(),
      seed: z.string(),
      contentSha256: z.string().optional(),
    })
    .optional(),
  asOf: IsoDateSchema,
  currency: z.literal('CNY'),
  amountUnit: z.literal('wan_cny'),
  crs: z.literal('EPSG:4326'),
  lpr: z.object({
    oneYearPct: z.number().positive(),
    fiveYearPct: z.number().positive(),
    effectiveFrom: IsoDateSchema,
  }),
  sources: z.array(SourceRefSchema),
});

export const CitySchema = z.object({
  id: z.string().min(1),
  gbCode: z.string().regex(/^\d{6}$/, 'GB/T 2260 code must be 6 digits'),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  provinceZh: z.string().min(1),
  provinceEn: z.string().min(1),
  lat: z.number().finite(),
  lon: z.number().finite(),
});

export const LinkEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  kind: z.enum(['supply', 'feedback']),
});

export const ChainClusterSchema = z.object({
  cityId: z.string(),
  tier: z.enum(['A', 'B', 'C']),
  focusLinkIds: z.array(z.string()),
});

export const ChainSchema = z.object({
  id: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  descriptionZh: z.string().optional(),
  descriptionEn: z.string().optional(),
  linkIds: z.array(z.string()).min(1),
  edges: z.array(LinkEdgeSchema),
  clusters: z.array(ChainClusterSchema),
});

export const LinkSchema = z.object({
  id: z.string().min(1),
  chainId: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  stage: StageSchema,
  layer: z.number().int().nonnegative(),
  isWeak: z.boolean(),
  weakKind: z.enum(['choke_point', 'resource', 'short_board']).optional(),
  isAdvantage: z.boolean(),
  isExtension: z.boolean(),
  commodityCollateral: z.boolean(),
  noteEn: z.string().optional(),
  noteZh: z.string().optional(),
});

export const TechBreakthroughSchema = z.object({
  kind: z.enum(['first_set', 'first_batch', 'first_version', 'import_substitution', 'other']),
  note: z.string().optional(),
});

export const RoleOverrideSchema = z.object({
  role: DisplayRoleSchema,
  by: z.string(),
  at: IsoDateSchema,
  reason: z.string(),
});

export const EnterpriseSchema = z.object({
  id: z.string().min(1),
  uscc: z.string(),
  nameZh: z.string().min(1),
  nameEn: z.string().optional(),
  isSynthetic: z.boolean(),
  cityId: z.string(),
  lat: z.number().finite().optional(),
  lon: z.number().finite().optional(),
  chainIds: z.array(z.string()).min(1),
  linkIds: z.array(z.string()).min(1),
  primaryLinkId: z.string(),
  employees: z.number().int().nonnegative(),
  revenue: WanSchema,
  revenueGrowthPct: z.number().finite().optional(),
  totalAssets: WanSchema.optional(),
  sizeClass: SizeClassSchema,
  ownership: OwnershipSchema.optional(),
  establishedYear: z.number().int().optional(),
  isChainLeader: z.boolean(),
  srdiTier: SrdiTierSchema,
  isHighTech: z.boolean().optional(),
  isSingleChampion: z.boolean().optional(),
  isListed: z.boolean().optional(),
  inventionPatents: z.number().int().nonnegative().optional(),
  rdIntensityPct: PctSchema.optional(),
  exportSharePct: PctSchema.optional(),
  dsoDays: z.number().nonnegative().optional(),
  dioDays: z.number().nonnegative().optional(),
  taxCreditGrade: TaxCreditGradeSchema.optional(),
  techBreakthrough: TechBreakthroughSchema.optional(),
  dishonestDebtor: z.boolean().optional(),
  financingNeed: WanSchema,
  needPurposes: z.array(FinancingPurposeSchema).optional(),
  preferredTenor: z.enum(['short', 'medium_long']).optional(),
  collateralAvailable: z.array(CollateralTypeSchema).optional(),
  capexPlan: WanSchema.optional(),
  notes: z.string().optional(),
  usccCheckOverride: z.boolean().optional(),
  roleOverride: RoleOverrideSchema.optional(),
  extras: z.record(z.string(), z.string()).optional(),
});

export const BankSchema = z.object({
  id: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  type: InstitutionTypeSchema,
  level: z.enum(['national', 'provincial', 'city', 'county']),
  cityIds: z.array(z.string()),
  products: z.array(ProductCodeSchema),
  isSynthetic: z.boolean(),
});

export const CreditRelationSchema = z.object({
  id: z.string().min(1),
  bankId: z.string(),
  enterpriseId: z.string(),
  product: ProductCodeSchema,
  creditLine: WanSchema,
  outstanding: WanSchema,
  ratePct: z.number().finite().optional(),
  rateBasis: z.enum(['LPR1Y', 'LPR5Y', 'fixed']).optional(),
  spreadBp: z.number().finite().optional(),
  guaranteeFeePct: z.number().nonnegative().optional(),
  collateral: CollateralTypeSchema,
  guarantorId: z.string().optional(),
  tenorMonths: z.number().int().positive().optional(),
  startDate: IsoDateSchema.optional(),
  maturityDate: IsoDateSchema.optional(),
  status: z.enum(['active', 'approved_undrawn', 'matured', 'declined']),
  isFirstLoan: z.boolean().optional(),
  viaSupplyEdgeId: z.string().optional(),
});

export const SupplyEdgeSchema = z.object({
  id: z.string().min(1),
  supplierId: z.string(),
  buyerId: z.string(),
  chainId: z.string(),
  fromLinkId: z.string(),
  toLinkId: z.string(),
  annualValue: WanSchema,
  shareOfSupplierSales: ShareSchema,
  shareOfBuyerLinkPurchases: ShareSchema,
  buyerAlternatives: z.number().int().nonnegative(),
  paymentTermDays: z.number().nonnegative().optional(),
  receivableOutstanding: WanSchema.optional(),
});

export const ProductSchema = z.object({
  code: ProductCodeSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.enum([
    'supply_chain',
    'credit',
    'collateral',
    'tenor',
    'guarantee',
    'equity',
    'insurance',
    'other',
  ]),
  typicalTenorMonths: z.tuple([z.number(), z.number()]),
  typicalSpreadBp: z.tuple([z.number(), z.number()]).optional(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
});

export const RuleRefSchema = z.object({
  ruleId: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
});

export const ChainPolicySchema = z.object({
  id: z.string().min(1),
  chainId: z.string(),
  cityIds: z.array(z.string()),
  bankIds: z.array(z.string()),
  titleZh: z.string(),
  titleEn: z.string(),
  products: z.array(ProductCodeSchema),
  targetRoles: z.array(ChainRoleSchema),
  targetLinkIds: z.array(z.string()),
  eligibility: z.array(RuleRefSchema),
  creditQuota: WanSchema.optional(),
  rateCapPct: z.number().positive().optional(),
  guaranteeFeeCapPct: z.number().nonnegative().optional(),
  validFrom: IsoDateSchema,
  validTo: IsoDateSchema,
});

export const BATCH_STATUSES = [
  'pushed',
  'contacted',
  'approved',
  'disbursed',
  'declined',
  'withdrawn',
] as const;
export const BatchStatusSchema = z.enum(BATCH_STATUSES);

export const BatchItemSchema = z.object({
  enterpriseId: z.string(),
  rank: z.number().int().positive(),
  score: z.number().min(0).max(1),
  recommendedProducts: z.array(ProductCodeSchema),
  reasonCodes: z.array(z.string()),
  gap: WanSchema,
  status: BatchStatusSchema,
  statusDate: IsoDateSchema.optional(),
  declineReason: z.string().optional(),
});

export const BatchSchema = z.object({
  id: z.string().min(1),
  bankId: z.string(),
  chainId: z.string(),
  cityId: z.string().optional(),
  meetingId: z.string().optional(),
  createdAt: IsoDateSchema,
  ruleVersion: z.string(),
  items: z.array(BatchItemSchema),
});

export const DockingMeetingSchema = z.object({
  id: z.string().min(1),
  date: IsoDateSchema,
  cityId: z.string(),
  chainIds: z.array(z.string()),
  bankIds: z.array(z.string()),
  batchIds: z.array(z.string()),
  titleZh: z.string(),
  titleEn: z.string().optional(),
});

export const OfferSchema = z.object({
  id: z.string().min(1),
  bankId: z.string(),
  enterpriseId: z.string(),
  policyId: z.string().optional(),
  batchId: z.string().optional(),
  product: ProductCodeSchema,
  amount: WanSchema,
  ratePct: z.number().optional(),
  tenorMonths: z.number().int().optional(),
  collateral: CollateralTypeSchema.optional(),
  status: z.enum(['proposed', 'accepted', 'rejected', 'expired']),
});

export const DatasetSchema = z.object({
  meta: DatasetMetaSchema,
  cities: z.array(CitySchema),
  chains: z.array(ChainSchema),
  links: z.array(LinkSchema),
  enterprises: z.array(EnterpriseSchema),
  banks: z.array(BankSchema),
  creditRelations: z.array(CreditRelationSchema),
  supplyEdges: z.array(SupplyEdgeSchema),
  products: z.array(ProductSchema),
  policies: z.array(ChainPolicySchema),
  batches: z.array(BatchSchema),
  meetings: z.array(DockingMeetingSchema),
  offers: z.array(OfferSchema),
});

export type Stage = z.infer<typeof StageSchema>;
export type SizeClass = z.infer<typeof SizeClassSchema>;
export type ChainRole = z.infer<typeof ChainRoleSchema>;
export type DisplayRole = z.infer<typeof DisplayRoleSchema>;
export type SrdiTier = z.infer<typeof SrdiTierSchema>;
export type TaxCreditGrade = z.infer<typeof TaxCreditGradeSchema>;
export type InstitutionType = z.infer<typeof InstitutionTypeSchema>;
export type ProductCode = z.infer<typeof ProductCodeSchema>;
export type CollateralType = z.infer<typeof CollateralTypeSchema>;
export type FinancingPurpose = z.infer<typeof FinancingPurposeSchema>;
export type DatasetMeta = z.infer<typeof DatasetMetaSchema>;
export type City = z.infer<typeof CitySchema>;
export type LinkEdge = z.infer<typeof LinkEdgeSchema>;
export type ChainCluster = z.infer<typeof ChainClusterSchema>;
export type Chain = z.infer<typeof ChainSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Enterprise = z.infer<typeof EnterpriseSchema>;
export type Bank = z.infer<typeof BankSchema>;
export type CreditRelation = z.infer<typeof CreditRelationSchema>;
export type SupplyEdge = z.infer<typeof SupplyEdgeSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type ChainPolicy = z.infer<typeof ChainPolicySchema>;
export type BatchStatus = z.infer<typeof BatchStatusSchema>;
export type BatchItem = z.infer<typeof BatchItemSchema>;
export type Batch = z.infer<typeof BatchSchema>;
export type DockingMeeting = z.infer<typeof DockingMeetingSchema>;
export type Offer = z.infer<typeof OfferSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

const LENDER_SET: ReadonlySet<string> = new Set(LENDER_TYPES);
/** Coverage counts lenders only (§2.8): a guarantee or insurance is not credit. */
export const isLenderType = (type: InstitutionType): boolean => LENDER_SET.has(type);
