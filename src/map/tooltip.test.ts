import { describe, expect, it } from 'vitest';
import { enterpriseTooltip, groupTooltip } from './tooltip';

const group = {
  key: 'suzhou',
  label: '部分覆盖',
  enterprises: 1234,
  gap: 12000,
  cls: 'partial',
  color: '#fdd77a',
};

describe('groupTooltip()', () => {
  it('gives the count, the gap in 万元/亿元 and what the colour means (zh)', () => {
    expect(groupTooltip('苏州', group, 'zh')).toEqual({
      title: '苏州',
      subtitle: null,
      rows: [
        { label: '企业数', value: '1,234' },
        { label: '融资缺口', value: '1.2亿元' },
        { label: '分类', value: '部分覆盖' },
      ],
    });
  });

  it('uses CNY in English', () => {
    expect(groupTooltip('Suzhou', { ...group, label: 'Partial' }, 'en').rows).toEqual([
      { label: 'Enterprises', value: '1,234' },
      { label: 'Financing gap', value: 'CNY 120m' },
      { label: 'Class', value: 'Partial' },
    ]);
  });

  it('shows only the name for a place without enterprises', () => {
    expect(groupTooltip('西藏', undefined, 'zh')).toEqual({
      title: '西藏',
      subtitle: null,
      rows: [],
    });
  });

  it('leaves the class out when it only repeats the name', () => {
    expect(groupTooltip('苏州', { ...group, label: '苏州' }, 'zh').rows).toHaveLength(2);
  });
});

describe('enterpriseTooltip()', () => {
  const e = {
    id: 'a',
    cityId: 'suzhou',
    label: '<b>示例</b>',
    cls: 'b',
    color: '#000',
    linkId: 'x',
  };

  it('keeps the name as text, with its city and the supplied figure line', () => {
    expect(enterpriseTooltip({ ...e, detail: '缺口 850万元' }, '苏州')).toEqual({
      title: '<b>示例</b>',
      subtitle: '苏州',
      rows: [{ label: '', value: '缺口 850万元' }],
    });
  });

  it('has no rows without a figure line', () => {
    expect(enterpriseTooltip(e, null).rows).toEqual([]);
  });
});
