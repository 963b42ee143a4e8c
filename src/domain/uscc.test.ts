import { describe, expect, it } from 'vitest';
import {
  DEMO_USCC_PATTERN,
  USCC_CHARSET,
  buildDemoUscc,
  isValidUscc,
  normalizeUscc,
  orgCodeCheckChar,
  usccCheckChar,
  validateUscc,
} from './uscc';

const codes = (raw: string) => validateUscc(raw).issues.map((issue) => issue.code);

describe('USCC_CHARSET', () => {
  it('has 31 characters and none of I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(new Set(USCC_CHARSET).size).toBe(31);
    for (const ch of 'IOZSV') expect(USCC_CHARSET).not.toContain(ch);
  });
});

describe('normalizeUscc()', () => {
  it.each([
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['91350100m000100y43', '91350100M000100Y43'],
    [' 9135-0100 M000-100Y43 ', '91350100M000100Y43'],
    ['9135\u30000100－M000100Y43', '91350100M000100Y43'],
  ])('normalizes %s to %s', (raw, expected) => {
    expect(normalizeUscc(raw)).toBe(expected);
  });

  it('never maps O to 0 or I to 1', () => {
    expect(normalizeUscc('91350100mo00i00y43')).toBe('91350100MO00I00Y43');
  });
});

describe('usccCheckChar()', () => {
  // Values: digits 0–9, then A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26
  // U27 W28 X29 Y30. Weights for positions 1–17: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
  it.each([
    // 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + M21·20 + 1·8 + Y30·30 + 4·28
    //   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28 → 31 − 28 = 3
    ['91350100M000100Y4', '3'],
    // 9 + 3 + 4·9 + 4·27 + 3·26 + 1·20 + 9·29 + 2·25 + 2·13 + 3·24 + 8·10 + 2·30 + 1·28
    //   = 9 + 3 + 36 + 108 + 78 + 20 + 261 + 50 + 26 + 72 + 80 + 60 + 28 = 831;
    //   831 mod 31 = 25 → 31 − 25 = 6
    ['91440300192203821', '6'],
    // Pilot code: 628 (positions 1–13 as above) + T26·24 + G16·10 + Q24·30 + X29·28
    //   = 628 + 624 + 160 + 720 + 812 = 2944; 2944 mod 31 = 30 → 1 (the code carries M)
    ['91350100M0001TGQX', '1'],
    // Position 2 raised 1 → 2 adds 3: 1643 = 31·53, so 31 − 0 = 31, which wraps to 0
    ['92350100M000100Y4', '0'],
  ])('%s → %s', (first17, expected) => {
    expect(usccCheckChar(first17)).toBe(expected);
  });

  it.each([['9135010'], ['91350100M000100Y43'], ['91350100M000100O4']])(
    'throws on input that is not 17 charset characters: %s',
    (bad) => {
      expect(() => usccCheckChar(bad)).toThrow(RangeError);
    },
  );
});

describe('orgCodeCheckChar()', () => {
  // GB 11714 values letters over the full alphabet: M = 22, T = 29, Y = 34. Weights 3 7 9 10 5 8 4 2.
  it.each([
    // M22·3 + 1·5 + Y34·2 = 66 + 5 + 68 = 139; 139 mod 11 = 7 → 11 − 7 = 4
    ['M000100Y', '4'],
    // 1·3 + 9·7 + 2·9 + 2·10 + 0·5 + 3·8 + 8·4 + 2·2 = 3 + 63 + 18 + 20 + 24 + 32 + 4 = 164;
    //   164 mod 11 = 10 → 1
    ['19220382', '1'],
    // M22·3 + 1·5 + T29·8 + G16·4 + Q26·2 = 66 + 5 + 232 + 64 + 52 = 419; 419 mod 11 = 1 → 10 → X
    ['M0001TGQ', 'X'],
    // 6·2 = 12; 12 mod 11 = 1 → 10 → X
    ['00000006', 'X'],
    // Σ = 0 → 11 → 0
    ['00000000', '0'],
  ])('%s → %s', (body8, expected) => {
    expect(orgCodeCheckChar(body8)).toBe(expected);
  });

  it('throws on a body that is not 8 alphanumeric characters', () => {
    expect(() => orgCodeCheckChar('M000100')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('M000100*')).toThrow(RangeError);
  });
});

describe('validateUscc()', () => {
  it.each([
    ['91350100M000100Y43', '91350100M000100Y43'], // the GB 32100-2015 sample
    ['914403001922038216', '914403001922038216'], // a published market-regulator code
    ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['9135-0100 m000-100y43', '91350100M000100Y43'],
  ])('accepts %s as %s with no issues', (raw, normalized) => {
    expect(validateUscc(raw)).toEqual({ normalized, issues: [] });
  });

  it('rejects the pilot code 91350100M0001TGQXM with the expected check character only', () => {
    const { issues } = validateUscc('91350100M0001TGQXM');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'E_USCC_CHECK', severity: 'error', expected: '1' });
    expect(issues[0]?.messageZh).toContain('校验码应为1');
    expect(issues[0]?.messageEn).toContain('check character should be 1');
  });

  it('reports a 17-character code as E_USCC_LENGTH and skips the check characters', () => {
    const { issues } = validateUscc('91350100M000100Y4');
    expect(issues.map((issue) => issue.code)).toEqual(['E_USCC_LENGTH']);
    expect(issues[0]?.severity).toBe('error');
    expect(issues[0]?.messageEn).toContain('got 17');
  });

  it('reports O as E_USCC_CHARSET and suggests 0', () => {
    const { issues } = validateUscc('91350100M0O0100Y43');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'E_USCC_CHARSET', severity: 'error', expected: '0' });
    expect(issues[0]?.messageZh).toContain('第11位');
    expect(issues[0]?.messageZh).toContain('“0”');
    expect(issues[0]?.messageEn).toContain('did you mean "0"');
  });

  it('reports I as E_USCC_CHARSET and suggests 1', () => {
    const { issues } = validateUscc('91350100M000I00Y43');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'E_USCC_CHARSET', expected: '1' });
  });

  it('reports S without guessing a replacement', () => {
    const { issues } = validateUscc('91350100M000S00Y43');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('E_USCC_CHARSET');
    expect(issues[0]?.expected).toBeUndefined();
    expect(issues[0]?.messageEn).not.toContain('did you mean');
  });

  it('reports a wrong length and a bad character together', () => {
    expect(codes('91350100MO00100Y4')).toEqual(['E_USCC_LENGTH', 'E_USCC_CHARSET']);
  });

  it('reports a letter in positions 3–8 as E_USCC_REGION', () => {
    // Position 5 0 → A adds 10·19 = 190: 1830 mod 31 = 1 → 30 → Y, so only the region is wrong.
    const { issues } = validateUscc('9135A100M000100Y4Y');
    expect(issues.map((issue) => issue.code)).toEqual(['E_USCC_REGION']);
    expect(issues[0]?.severity).toBe('error');
  });

  it('warns W_USCC_NOT_ENTERPRISE for a 1x prefix', () => {
    // Position 1 9 → 1 subtracts 8: 1632 mod 31 = 20 → 11 → B.
    const { issues } = validateUscc('11350100M000100Y4B');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'W_USCC_NOT_ENTERPRISE', severity: 'warning' });
    expect(isValidUscc('11350100M000100Y4B')).toBe(true);
  });

  it('warns W_USCC_NOT_ENTERPRISE for an individual business (92)', () => {
    expect(codes('92350100M000100Y40')).toEqual(['W_USCC_NOT_ENTERPRISE']);
  });

  it('warns W_USCC_ORG_CHECK when position 17 is wrong', () => {
    // Position 17 4 → 5 adds 28: 1668 mod 31 = 25 → 6, so position 18 is consistent.
    const { issues } = validateUscc('91350100M000100Y56');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'W_USCC_ORG_CHECK',
      severity: 'warning',
      expected: '4',
    });
  });

  it('returns every issue, not just the first', () => {
    // 1640 − 8 (prefix 11) + 28 (position 17 = 5) = 1660; 1660 mod 31 = 17 → 14 → E.
    const { issues } = validateUscc('11350100M000100Y53');
    expect(issues.map((issue) => [issue.code, issue.expected])).toEqual([
      ['W_USCC_NOT_ENTERPRISE', '91'],
      ['W_USCC_ORG_CHECK', '4'],
      ['E_USCC_CHECK', 'E'],
    ]);
  });

  it('handles the empty string', () => {
    expect(codes('')).toEqual(['E_USCC_LENGTH']);
  });
});

describe('isValidUscc()', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91350100M000100Y56', true], // org-check mismatch is a warning only
    ['91350100M0001TGQXM', false],
    ['91350100M000100Y4', false],
    ['91350100M0O0100Y43', false],
  ])('%s → %s', (raw, expected) => {
    expect(isValidUscc(raw)).toBe(expected);
  });
});

describe('buildDemoUscc()', () => {
  it.each([
    // Serial 0: body DE000000. Org: D13·3 + E14·7 = 39 + 98 = 137; 137 mod 11 = 5 → 6.
    // USCC: 9 + 3 + 3·9 + 2·27 + 4·26 + D13·20 + E14·29 + 6·28
    //   = 9 + 3 + 27 + 54 + 104 + 260 + 406 + 168 = 1031; 1031 mod 31 = 8 → 23 → P.
    [0, '91320400DE0000006P'],
    // Serial 1: body DE000001. Org: 137 + 1·2 = 139; mod 11 = 7 → 4.
    // USCC: 863 (positions 1–10) + 1·30 + 4·28 = 1005; 1005 mod 31 = 13 → 18 → J.
    [1, '91320400DE0000014J'],
    // Serial 17 = H: org 137 + 17·2 = 171; mod 11 = 6 → 5. USCC: 863 + 17·30 + 5·28 = 1513;
    // 1513 mod 31 = 25 → 6. So domain.md's example 91320400DE00000H56 is serial 17, not 0.
    [17, '91320400DE00000H56'],
    // Serial 31 = "10" in base 31: org 137 + 1·4 = 141; mod 11 = 9 → 2.
    // USCC: 863 + 1·10 + 2·28 = 929; 929 mod 31 = 30 → 1.
    [31, '91320400DE00001021'],
  ])('buildDemoUscc("320400", %i) is %s', (serial, expected) => {
    expect(buildDemoUscc('320400', serial)).toBe(expected);
  });

  it.each([0, 1, 17, 31, 30_000, 31 ** 6 - 1])(
    'serial %i yields a code with no issues that matches the demo pattern',
    (serial) => {
      const code = buildDemoUscc('320400', serial);
      expect(validateUscc(code).issues).toEqual([]);
      expect(code).toMatch(DEMO_USCC_PATTERN);
    },
  );

  it('writes the largest serial as YYYYYY', () => {
    expect(buildDemoUscc('110000', 31 ** 6 - 1).slice(8, 16)).toBe('DEYYYYYY');
  });

  it('gives different codes for serials 0 and 1', () => {
    expect(buildDemoUscc('320400', 0)).not.toBe(buildDemoUscc('320400', 1));
  });

  it.each([-1, 1.5, Number.NaN, 31 ** 6])('throws on serial %s', (serial) => {
    expect(() => buildDemoUscc('320400', serial)).toThrow(RangeError);
  });

  it.each(['32040', '3204000', '32040A', ''])('throws on GB/T 2260 code "%s"', (gbCode) => {
    expect(() => buildDemoUscc(gbCode, 0)).toThrow(RangeError);
  });
});
