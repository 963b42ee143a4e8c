/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015 (domain.md §7.3).
 * 18 characters: authority (1) + entity type (2) + GB/T 2260 region (3–8)
 * + GB 11714 organisation code (9–16 body, 17 check) + check character (18).
 */

/** The 31 characters a USCC may use; a character's value is its index (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Demo codes (§6 integrity rule 6, §8.3): `91` + region + `DE` + 6-char serial + 2 check chars. */
export const DEMO_USCC_PATTERN = /^91\d{6}DE[0-9A-HJ-NPQRTUWXY]{8}$/;

export type UsccIssueCode =
  | 'E_USCC_LENGTH'
  | 'E_USCC_CHARSET'
  | 'E_USCC_REGION'
  | 'E_USCC_CHECK'
  | 'W_USCC_ORG_CHECK'
  | 'W_USCC_NOT_ENTERPRISE';

export interface UsccIssue {
  code: UsccIssueCode;
  severity: 'error' | 'warning';
  messageZh: string;
  messageEn: string;
  /** The character(s) that would make the code pass, when there is one answer. */
  expected?: string;
}

export interface UsccResult {
  normalized: string;
  issues: UsccIssue[];
}

const USCC_LENGTH = 18;
// 3^(i−1) mod 31 for positions 1–17.
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714 weights for organisation-code body positions 1–8 (USCC positions 9–16).
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
// GB 11714 values letters by the full alphabet (A = 10 … Z = 35), unlike the USCC charset.
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DEMO_SERIAL_LENGTH = 6;
const DEMO_SERIAL_MAX = USCC_CHARSET.length ** DEMO_SERIAL_LENGTH - 1;
// Only O and I have an unambiguous look-alike; Z, S and V are reported without a guess.
const LOOKALIKES: Readonly<Record<string, string>> = { O: '0', I: '1' };

/**
 * NFKC (full-width → ASCII), drop whitespace and hyphens, upper-case. Letters are never mapped to
 * digits: a user who typed O must see the suggestion rather than have it fixed silently.
 * @example normalizeUscc('９１３５-0100 m000100y43') // '91350100M000100Y43'
 */
export function normalizeUscc(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-‐‑‒–—―−]/g, '')
    .toUpperCase();
}

/**
 * The position-18 check character for the first 17 characters.
 * @example usccCheckChar('91350100M000100Y4') // '3'
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) {
    throw new RangeError(`usccCheckChar() needs 17 characters, got ${first17.length}: ${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`invalid USCC character: ${first17.charAt(i)}`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The GB 11714 organisation-code check character (USCC position 17) for its 8 body characters
 * (USCC positions 9–16).
 * @example orgCodeCheckChar('M000100Y') // '4'
 */
export function orgCodeCheckChar(body8: string): string {
  if (body8.length !== ORG_WEIGHTS.length) {
    throw new RangeError(`orgCodeCheckChar() needs 8 characters, got ${body8.length}: ${body8}`);
  }
  let sum = 0;
  for (let i = 0; i < body8.length; i++) {
    const value = ORG_ALPHABET.indexOf(body8.charAt(i));
    if (value < 0) throw new RangeError(`invalid organisation-code character: ${body8.charAt(i)}`);
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/**
 * Normalises a USCC and lists every problem with it (§7.3 severity table). Check characters are
 * only verified once length and charset are right, since they are meaningless otherwise.
 * @example validateUscc('91350100M000100Y43') // { normalized: '91350100M000100Y43', issues: [] }
 * @example validateUscc('91350100M0001TGQXM').issues[0].expected // '1'
 */
export function validateUscc(raw: string): UsccResult {
  const code = normalizeUscc(raw);
  const issues: UsccIssue[] = [];
  // Array.from walks code points, so a stray astral character counts once, not as two halves.
  const chars = Array.from(code);

  if (chars.length !== USCC_LENGTH) {
    issues.push({
      code: 'E_USCC_LENGTH',
      severity: 'error',
      messageZh: `统一社会信用代码应为18位，实为${chars.length}位`,
      messageEn: `USCC must have 18 characters, got ${chars.length}`,
    });
  }

  let charsetOk = true;
  chars.forEach((ch, i) => {
    if (USCC_CHARSET.includes(ch)) return;
    charsetOk = false;
    const suggestion = LOOKALIKES[ch];
    const position = i + 1;
    issues.push({
      code: 'E_USCC_CHARSET',
      severity: 'error',
      messageZh:
        `第${position}位含非法字符“${ch}”（不使用I、O、Z、S、V）` +
        (suggestion ? `，是否应为“${suggestion}”？` : ''),
      messageEn:
        `invalid character "${ch}" at position ${position} (I, O, Z, S, V are not used)` +
        (suggestion ? `; did you mean "${suggestion}"?` : ''),
      ...(suggestion ? { expected: suggestion } : {}),
    });
  });

  if (chars.length >= 8) {
    const region = chars.slice(2, 8).join('');
    if (!/^\d{6}$/.test(region)) {
      issues.push({
        code: 'E_USCC_REGION',
        severity: 'error',
        messageZh: `第3–8位（登记管理机关行政区划码）应为6位数字，实为“${region}”`,
        messageEn: `positions 3–8 (registration region code) must be 6 digits, got "${region}"`,
      });
    }
  }

  if (chars.length >= 2) {
    const prefix = chars.slice(0, 2).join('');
    if (prefix !== '91') {
      issues.push({
        code: 'W_USCC_NOT_ENTERPRISE',
        severity: 'warning',
        messageZh: `前两位为“${prefix}”，非市场监管部门登记的企业（企业应为91）`,
        messageEn: `prefix "${prefix}" is not a market-registered enterprise (enterprises start with 91)`,
        expected: '91',
      });
    }
  }

  if (chars.length === USCC_LENGTH && charsetOk) {
    const orgExpected = orgCodeCheckChar(code.slice(8, 16));
    const orgActual = code.charAt(16);
    if (orgActual !== orgExpected) {
      issues.push({
        code: 'W_USCC_ORG_CHECK',
        severity: 'warning',
        messageZh: `主体标识码校验位应为${orgExpected}（实为${orgActual}）`,
        messageEn: `organisation-code check character should be ${orgExpected} (got ${orgActual})`,
        expected: orgExpected,
      });
    }
    const expected = usccCheckChar(code.slice(0, 17));
    const actual = code.charAt(17);
    if (actual !== expected) {
      issues.push({
        code: 'E_USCC_CHECK',
        severity: 'error',
        messageZh: `校验码应为${expected}（实为${actual}）`,
        messageEn: `check character should be ${expected} (got ${actual})`,
        expected,
      });
    }
  }

  return { normalized: code, issues };
}

/**
 * True when the code has no error-severity issue (warnings such as a non-enterprise prefix pass).
 * @example isValidUscc('914403001922038216') // true
 */
export function isValidUscc(raw: string): boolean {
  return validateUscc(raw).issues.every((issue) => issue.severity !== 'error');
}

/**
 * A synthetic demo code (§8.3): `91` + GB/T 2260 code + `DE` + the serial as 6 base-31 characters
 * of the USCC charset + organisation check + USCC check. Valid, yet recognisably fake.
 * @example buildDemoUscc('320400', 17) // '91320400DE00000H56'
 */
export function buildDemoUscc(gbCode: string, serial: number): string {
  if (!/^\d{6}$/.test(gbCode)) throw new RangeError(`invalid GB/T 2260 code: ${gbCode}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > DEMO_SERIAL_MAX) {
    throw new RangeError(`demo USCC serial out of range 0–${DEMO_SERIAL_MAX}: ${serial}`);
  }
  let digits = '';
  for (let n = serial, i = 0; i < DEMO_SERIAL_LENGTH; i++, n = Math.floor(n / 31)) {
    digits = USCC_CHARSET.charAt(n % 31) + digits;
  }
  const body = `DE${digits}`;
  const first17 = `91${gbCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
