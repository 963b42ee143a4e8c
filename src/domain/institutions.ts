/**
 * Financial-institution types from names (domain.md §2.8). An imported file names its lenders as
 * people write them (中国工商银行常州分行, 江苏银行, 江南农村商业银行, 微众银行, 常州市融资担保有限公司),
 * never as types; without a type every one of them would be `other`, which coverage ignores (§2.8
 * counts lenders only). Pure: no DOM, no library.
 */
import type { InstitutionType, ProductCode } from './schema';

/** Province-level names, short form (江苏 for 江苏省): a city commercial bank's usual prefix. */
const PROVINCES =
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门'.split(
    ' ',
  );

/**
 * Prefecture-level cities that name a bank (xx银行 / xx市商业银行). Not every prefecture: the cities
 * of the app's chains (§3.9) are added by the caller from the reference catalogue.
 */
const CITIES =
  `石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 晋中
  呼和浩特 包头 鄂尔多斯 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春
  哈尔滨 齐齐哈尔 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴
  湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州
  池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州
  上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 开封 洛阳 平顶山
  安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门
  孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 广州 韶关 深圳
  珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮 南宁 柳州 桂林
  梧州 北海 钦州 贵港 玉林 百色 海口 三亚 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾
  广安 达州 雅安 巴中 资阳 贵阳 遵义 六盘水 安顺 昆明 曲靖 玉溪 拉萨 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林
  安康 商洛 兰州 嘉峪关 金昌 白银 天水 西宁 银川 石嘴山 吴忠 乌鲁木齐 克拉玛依 哈密 库尔勒`
    .split(/\s+/)
    .filter(Boolean);

/** The six large state-owned commercial banks (§2.8), by their usual Chinese and English names. */
const LARGE_STATE = [
  '工商银行',
  '农业银行',
  '中国银行',
  '建设银行',
  '交通银行',
  '邮政储蓄银行',
  '邮储银行',
  'industrialandcommercialbank',
  'agriculturalbankofchina',
  'bankofchina',
  'chinaconstructionbank',
  'bankofcommunications',
  'postalsavingsbank',
];

/** The twelve national joint-stock commercial banks. */
const JOINT_STOCK = [
  '中信银行',
  '光大银行',
  '华夏银行',
  '民生银行',
  '招商银行',
  '兴业银行',
  '广发银行',
  '广东发展银行',
  '平安银行',
  '浦东发展银行',
  '浦发银行',
  '恒丰银行',
  '浙商银行',
  '渤海银行',
  'citicbank',
  'everbright',
  'huaxiabank',
  'minsheng',
  'chinamerchantsbank',
  'industrialbank',
  'guangfa',
  'pinganbank',
  'pudongdevelopment',
  'spdbank',
  'hengfeng',
  'zheshang',
  'bohaibank',
];

/** Policy banks (CDB, the Export-Import Bank, the Agricultural Development Bank). */
const POLICY = [
  '国家开发银行',
  '国开行',
  '进出口银行',
  '农业发展银行',
  '农发行',
  'chinadevelopmentbank',
  'exportimportbank',
  'eximbank',
  'agriculturaldevelopmentbank',
];

/** Private (民营) banks licensed since 2014, mostly digital lenders. */
const PRIVATE = [
  '微众',
  '网商银行',
  '新网银行',
  '华瑞银行',
  '民商银行',
  '金城银行',
  '众邦银行',
  '百信银行',
  '苏宁银行',
  '亿联银行',
  '三湘银行',
  '振兴银行',
  '华通银行',
  '蓝海银行',
  '客商银行',
  '富民银行',
  '中关村银行',
  '新安银行',
  '锡商银行',
  '裕民银行',
  '民营银行',
  'webank',
  'mybank',
  'aibank',
];

/** Foreign banks operating in China (subsidiaries and branches). */
const FOREIGN = [
  '汇丰',
  '渣打',
  '花旗',
  '东亚银行',
  '恒生银行',
  '星展',
  '大华银行',
  '华侨银行',
  '华侨永亨',
  '摩根大通',
  '德意志银行',
  '法国巴黎银行',
  '东方汇理',
  '法国兴业银行',
  '三菱日联',
  '瑞穗',
  '三井住友',
  '澳新银行',
  '澳大利亚和新西兰银行',
  '南洋商业银行',
  '友利银行',
  '韩亚银行',
  '新韩银行',
  '富邦华一',
  '盘谷银行',
  '开泰银行',
  '大新银行',
  '集友银行',
  '永丰银行',
  '玉山银行',
  '国泰世华',
  '外资银行',
  'standardchartered',
  'citibank',
  'bankofeastasia',
  'hangseng',
  'jpmorgan',
  'deutschebank',
  'bnpparibas',
  'mizuho',
  'sumitomo',
];

/** City commercial banks whose names carry no city: historic or regional names. */
const CITY_NAMED = [
  '城市商业银行',
  '城商行',
  '徽商银行',
  '齐鲁银行',
  '晋商银行',
  '盛京银行',
  '中原银行',
  '长安银行',
  '富滇银行',
  '北部湾银行',
  '华融湘江银行',
  '稠州',
  '泰隆',
  '民泰',
  '海峡银行',
  '华兴银行',
  '南粤银行',
  '华润银行',
  '蒙商银行',
  '长城华西银行',
  '三峡银行',
  '齐商银行',
  '临商银行',
  '莱商银行',
  '汉口银行',
  '龙江银行',
  '通商银行',
  '昆仑银行',
];

const SHORT_FORMS: readonly [string, InstitutionType][] = [
  ['工行', 'large_state_bank'],
  ['农行', 'large_state_bank'],
  ['中行', 'large_state_bank'],
  ['建行', 'large_state_bank'],
  ['交行', 'large_state_bank'],
  ['邮储', 'large_state_bank'],
  ['国开行', 'policy_bank'],
  ['农发行', 'policy_bank'],
  ['招行', 'joint_stock_bank'],
];

/** Latin acronyms, recognised only as the first word of a name with no other Latin word (ICBC 常州分行). */
const ACRONYMS: Readonly<Record<string, InstitutionType>> = {
  icbc: 'large_state_bank',
  abc: 'large_state_bank',
  boc: 'large_state_bank',
  ccb: 'large_state_bank',
  bocom: 'large_state_bank',
  psbc: 'large_state_bank',
  cdb: 'policy_bank',
  cmb: 'joint_stock_bank',
  hsbc: 'foreign_bank',
  dbs: 'foreign_bank',
  uob: 'foreign_bank',
  ocbc: 'foreign_bank',
  mufg: 'foreign_bank',
  smbc: 'foreign_bank',
};

const RURAL_COMMERCIAL = ['农村商业银行', '农商银行', '农商行', 'ruralcommercialbank'];
const RURAL_COOPERATIVE = [
  '农村合作银行',
  '农村信用合作',
  '农村信用社',
  '农信社',
  '信用合作联社',
  '农信联社',
  '信用联社',
  '信用社',
  'ruralcredit',
];
const VILLAGE = ['村镇银行', 'villagebank'];

/** Words of the type names themselves (a file may name a lender by its type). */
const TYPE_WORDS: readonly [string, InstitutionType][] = [
  ['政策性银行', 'policy_bank'],
  ['开发性金融', 'policy_bank'],
  ['国有大型商业银行', 'large_state_bank'],
  ['国有大行', 'large_state_bank'],
  ['股份制', 'joint_stock_bank'],
];

/** Non-bank providers (§2.8 after `foreign_bank`), checked only when the name is no bank's. */
const NON_BANK: readonly [RegExp, InstitutionType][] = [
  [/保险|财险|产险|寿险|信保|insurance|insurer/, 'insurer'],
  [/政府性融资担保|再担保|融资担保基金|政府性担保/, 'gov_guarantor'],
  [/担保|guarantee|guaranty/, 'guarantor'],
  [/租赁|leasing|lease/, 'leasing'],
  [/保理|factoring/, 'factoring'],
  [/基金|创投|创业投资|股权投资|产业投资|风险投资|fund|venture|capital/, 'equity_fund'],
  // Other non-bank lenders and trusts: known, and not lenders in the sense of §2.8 coverage.
  [/小额贷款|小贷|信托|财务公司|消费金融|汽车金融|典当|trust|microcredit/, 'other'],
];

const includesAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/** NFKC, lower case, no spaces or punctuation people put in names inconsistently. */
const normalize = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・.,'"“”‘’&\-_]/g, '');

export interface ClassifyOptions {
  /** More place names that can prefix a city commercial bank (the reference catalogue's cities). */
  places?: readonly string[];
}

/**
 * The §2.8 type of a financial institution from its name, or undefined when the name says nothing
 * certain. Banks are recognised by name (the six large state banks, the twelve joint-stock banks,
 * policy, private and foreign banks), by kind (村镇银行, 农村商业银行, 农村信用社, 城市商业银行) or by a
 * place prefix (江苏银行, 南京银行: a province or city followed by 银行 is a city commercial bank once
 * every other kind has been ruled out). A name without 银行 is a non-bank: insurer, guarantor, lessor,
 * factor, fund, or `other` (microcredit, trust…).
 * @example classifyInstitution('中国工商银行股份有限公司常州分行') // 'large_state_bank'
 * @example classifyInstitution('江南农村商业银行') // 'rural_commercial_bank'
 * @example classifyInstitution('江苏银行') // 'city_commercial_bank'
 * @example classifyInstitution('常州市融资担保有限公司') // 'guarantor'
 * @example classifyInstitution('华东某金融服务公司') // undefined
 */
export function classifyInstitution(
  name: string,
  opts: ClassifyOptions = {},
): InstitutionType | undefined {
  const n = normalize(name);
  if (n === '') return undefined;
  // 'ICBC' or 'ICBC 常州分行', but not 'ABC Consulting'.
  const latin = /^[a-z]+/.exec(n)?.[0] ?? '';
  const acronym = ACRONYMS[latin];
  if (acronym && !/[a-z]/.test(n.slice(latin.length))) return acronym;
  for (const [word, type] of TYPE_WORDS) if (n.includes(word)) return type;
  // Before any bank name: 中国进出口银行 and 中国农业发展银行 must not read as 中国银行 / 农业银行.
  if (includesAny(n, POLICY)) return 'policy_bank';
  // A village bank is often founded by another bank and named after it (江苏江南村镇银行).
  if (includesAny(n, VILLAGE)) return 'village_bank';
  if (includesAny(n, RURAL_COMMERCIAL)) return 'rural_commercial_bank';
  if (includesAny(n, RURAL_COOPERATIVE)) return 'rural_cooperative';
  if (n.includes('城市商业银行') || n.includes('城商行')) return 'city_commercial_bank';
  // Short forms (工行常州分行, 招行): only at the start, where they cannot be part of another word.
  for (const [short, type] of SHORT_FORMS) if (n.startsWith(short)) return type;
  const isBank = n.includes('银行') || /bank/.test(n);
  if (!isBank) {
    for (const [re, type] of NON_BANK) if (re.test(n)) return type;
    return undefined;
  }
  // Leasing, insurance and fund subsidiaries of banks (工银金融租赁, 中银保险) carry no 银行 in
  // their names, so a name with 银行 is a bank from here on.
  if (includesAny(n, LARGE_STATE)) return 'large_state_bank';
  if (includesAny(n, JOINT_STOCK)) return 'joint_stock_bank';
  if (includesAny(n, FOREIGN)) return 'foreign_bank';
  if (includesAny(n, PRIVATE)) return 'private_bank';
  if (includesAny(n, CITY_NAMED)) return 'city_commercial_bank';
  const places = [...PROVINCES, ...CITIES, ...(opts.places ?? [])];
  if (places.some((p) => n.includes(`${p}银行`) || n.includes(`${p}市商业银行`))) {
    return 'city_commercial_bank';
  }
  // 浙江稠州商业银行, 攀枝花市商业银行: a commercial bank that is none of the national ones.
  if (n.includes('商业银行')) return 'city_commercial_bank';
  return undefined;
}

/**
 * The products an institution of each type usually offers (§2.7–2.8): the catalogue the demo
 * generator gives its banks of that type, and the one a user bank an import creates gets, so that
 * white space (§5.3) can match its catalogue instead of finding nothing for an empty one.
 */
const FULL_BANK: readonly ProductCode[] = [
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
  'TRADE_FINANCE',
];
const LOCAL_BANK: readonly ProductCode[] = [
  'FIRST_LOAN',
  'CREDIT_LOAN',
  'RENEWAL_NO_PRINCIPAL',
  'REVOLVING',
  'WC_LOAN',
  'GOV_GUARANTEE',
  'IP_PLEDGE',
];
export const TYPICAL_PRODUCTS: Readonly<Record<InstitutionType, readonly ProductCode[]>> = {
  policy_bank: ['MLT_LOAN', 'TRADE_FINANCE', 'WC_LOAN'],
  large_state_bank: FULL_BANK,
  joint_stock_bank: FULL_BANK,
  city_commercial_bank: FULL_BANK,
  rural_commercial_bank: LOCAL_BANK,
  rural_cooperative: LOCAL_BANK,
  village_bank: LOCAL_BANK,
  private_bank: ['CREDIT_LOAN', 'FIRST_LOAN', 'WC_LOAN', 'REVOLVING', 'SCF_AR'],
  foreign_bank: ['WC_LOAN', 'TRADE_FINANCE', 'SCF_AR'],
  insurer: ['INSURANCE'],
  gov_guarantor: ['GOV_GUARANTEE'],
  guarantor: [],
  leasing: ['LEASING'],
  factoring: ['SCF_AR'],
  equity_fund: ['EQUITY'],
  other: [],
};

/** Types that lend across the country (the demo directory's `national` banks): no city footprint. */
const NATIONAL_TYPES: ReadonlySet<InstitutionType> = new Set([
  'policy_bank',
  'large_state_bank',
  'joint_stock_bank',
  'private_bank',
]);

/**
 * True when institutions of the type serve the whole country, so a user bank of it is `national`.
 * @example isNationalType('large_state_bank') // true
 * @example isNationalType('city_commercial_bank') // false
 */
export const isNationalType = (type: InstitutionType): boolean => NATIONAL_TYPES.has(type);
