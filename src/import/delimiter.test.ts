import { describe, expect, it } from 'vitest';
import { guessDelimiter } from './delimiter';

describe('guessDelimiter()', () => {
  it.each([
    // | inside data cells (bank lists) must not win over the header's commas
    ['企业名称,统一社会信用代码,合作银行\n常州甲有限公司,913,工商银行|江苏银行|江南农商行\n', ','],
    // | inside a header cell and in data: the commas still make the known headers
    ['企业名称|Enterprise name,统一社会信用代码,所在城市\na|b,913,常州\n', ','],
    ['USCC;Enterprise name;City\n913;a|b|c|d|e;常州\n', ';'],
    ['USCC\tEnterprise name\tCity\n913\ta,b,c\t常州\n', '\t'],
    // a file delimited by |: its headers are only found with |
    ['统一社会信用代码|企业名称|所在城市\n913|常州甲有限公司|常州\n', '|'],
  ])('%j → %j', (text, delimiter) => {
    expect(guessDelimiter(text)).toBe(delimiter);
  });

  it('falls back to the most frequent of , tab ; in the header line when no header is known', () => {
    expect(guessDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(guessDelimiter('a,b\n1|2|3|4\n')).toBe(',');
    expect(guessDelimiter('')).toBe(',');
  });
});
