import { describe, expect, it } from 'vitest';
import { classifyInstitution, isNationalType, TYPICAL_PRODUCTS } from './institutions';
import { INSTITUTION_TYPES, LENDER_TYPES } from './schema';

describe('classifyInstitution()', () => {
  it.each([
    // The six large state-owned banks, full names, short names, branches, English
    ['中国工商银行', 'large_state_bank'],
    ['中国工商银行股份有限公司常州天宁支行', 'large_state_bank'],
    ['工商银行', 'large_state_bank'],
    ['工行常州分行', 'large_state_bank'],
    ['中国农业银行', 'large_state_bank'],
    ['农行', 'large_state_bank'],
    ['中国银行', 'large_state_bank'],
    ['中国银行无锡分行', 'large_state_bank'],
    ['中国建设银行', 'large_state_bank'],
    ['建设银行徐州分行', 'large_state_bank'],
    ['交通银行', 'large_state_bank'],
    ['中国邮政储蓄银行', 'large_state_bank'],
    ['邮储银行', 'large_state_bank'],
    ['ICBC', 'large_state_bank'],
    ['Bank of China', 'large_state_bank'],
    ['China Construction Bank', 'large_state_bank'],
    // The twelve joint-stock banks
    ['中信银行', 'joint_stock_bank'],
    ['中国光大银行', 'joint_stock_bank'],
    ['华夏银行', 'joint_stock_bank'],
    ['中国民生银行', 'joint_stock_bank'],
    ['招商银行', 'joint_stock_bank'],
    ['招行苏州分行', 'joint_stock_bank'],
    ['兴业银行', 'joint_stock_bank'],
    ['广发银行', 'joint_stock_bank'],
    ['平安银行', 'joint_stock_bank'],
    ['上海浦东发展银行', 'joint_stock_bank'],
    ['浦发银行', 'joint_stock_bank'],
    ['恒丰银行', 'joint_stock_bank'],
    ['浙商银行', 'joint_stock_bank'],
    ['渤海银行', 'joint_stock_bank'],
    ['China Merchants Bank', 'joint_stock_bank'],
    // Policy banks: not read as 中国银行 / 农业银行
    ['国家开发银行', 'policy_bank'],
    ['中国进出口银行', 'policy_bank'],
    ['中国农业发展银行', 'policy_bank'],
    ['农发行', 'policy_bank'],
    // City commercial banks
    ['北京银行', 'city_commercial_bank'],
    ['上海银行', 'city_commercial_bank'],
    ['江苏银行', 'city_commercial_bank'],
    ['江苏银行常州分行', 'city_commercial_bank'],
    ['南京银行', 'city_commercial_bank'],
    ['宁波银行', 'city_commercial_bank'],
    ['徽商银行', 'city_commercial_bank'],
    ['齐鲁银行', 'city_commercial_bank'],
    ['攀枝花市商业银行', 'city_commercial_bank'],
    ['浙江稠州商业银行', 'city_commercial_bank'],
    ['常州城商行（示例）', 'city_commercial_bank'],
    // Rural: commercial, cooperative, village
    ['江南农村商业银行', 'rural_commercial_bank'],
    ['江苏江南农村商业银行股份有限公司', 'rural_commercial_bank'],
    ['上海农商银行', 'rural_commercial_bank'],
    ['常熟农商行', 'rural_commercial_bank'],
    ['某县农村信用合作联社', 'rural_cooperative'],
    ['农村信用社', 'rural_cooperative'],
    ['浙江某某农村合作银行', 'rural_cooperative'],
    ['江苏常州武进村镇银行', 'village_bank'],
    // Private and foreign
    ['深圳前海微众银行', 'private_bank'],
    ['浙江网商银行', 'private_bank'],
    ['四川新网银行', 'private_bank'],
    ['中信百信银行', 'private_bank'],
    ['WeBank', 'private_bank'],
    ['汇丰银行（中国）有限公司', 'foreign_bank'],
    ['渣打银行', 'foreign_bank'],
    ['花旗银行', 'foreign_bank'],
    ['星展银行（中国）', 'foreign_bank'],
    ['HSBC', 'foreign_bank'],
    // Non-banks, including banks' subsidiaries whose names carry no 银行
    ['常州市融资担保有限公司', 'guarantor'],
    ['江苏省信用再担保集团', 'gov_guarantor'],
    ['国家融资担保基金', 'gov_guarantor'],
    ['中国出口信用保险公司', 'insurer'],
    ['中国人民财产保险股份有限公司', 'insurer'],
    ['中银保险有限公司', 'insurer'],
    ['工银金融租赁有限公司', 'leasing'],
    ['远东国际融资租赁', 'leasing'],
    ['某某商业保理有限公司', 'factoring'],
    ['江苏省政府投资基金', 'equity_fund'],
    ['某某创业投资有限公司', 'equity_fund'],
    ['某某小额贷款有限公司', 'other'],
    ['某某信托', 'other'],
  ] as const)('%s → %s', (name, type) => {
    expect(classifyInstitution(name)).toBe(type);
  });

  it.each(['华东某金融服务公司', '某某银行', 'ABC Consulting', '', '   '])(
    'leaves %j unclassified',
    (name) => {
      expect(classifyInstitution(name)).toBeUndefined();
    },
  );

  it('reads a bank named after a place the caller adds', () => {
    expect(classifyInstitution('示例镇银行')).toBeUndefined();
    expect(classifyInstitution('示例镇银行', { places: ['示例镇'] })).toBe('city_commercial_bank');
  });
});

describe('TYPICAL_PRODUCTS', () => {
  it('has a catalogue for every type and a non-empty one for every lender type', () => {
    expect(Object.keys(TYPICAL_PRODUCTS).sort()).toEqual([...INSTITUTION_TYPES].sort());
    for (const type of LENDER_TYPES) expect(TYPICAL_PRODUCTS[type].length).toBeGreaterThan(0);
  });
});

describe('isNationalType()', () => {
  it.each([
    ['large_state_bank', true],
    ['joint_stock_bank', true],
    ['policy_bank', true],
    ['private_bank', true],
    ['city_commercial_bank', false],
    ['rural_commercial_bank', false],
    ['guarantor', false],
  ] as const)('%s → %s', (type, national) => {
    expect(isNationalType(type)).toBe(national);
  });
});
