/**
 * A deterministic generator of large, valid enterprise CSVs for import benchmarks (100k rows in the
 * browser). Pure: no Math.random, no clock; the same `n` and reference give the same text.
 */
import { orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../domain/uscc';
import { ENTERPRISE_COLUMNS } from './headers';
import type { ImportReference } from './validate';

/** A small integer hash (mulberry32 step) so every field varies without a shared PRNG stream. */
function hash(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * A valid, unique USCC for benchmark row `serial`: `91` + region + `BM` + 6 base-31 characters +
 * organisation check + USCC check (`BM` marks benchmark codes as the demo's `DE` marks demo codes).
 * @example benchUscc('320400', 0) // '91320400BM000000' + 2 check characters
 */
export function benchUscc(gbCode: string, serial: number): string {
  let digits = '';
  for (let n = serial, i = 0; i < 6; i++, n = Math.floor(n / 31)) {
    digits = USCC_CHARSET.charAt(n % 31) + digits;
  }
  const body = `BM${digits}`;
  const first17 = `91${gbCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

const csvField = (value: string) =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * `n` enterprise rows in the template's bilingual headers, every one valid against `reference`:
 * chain i mod 8, a cluster city of that chain, links in turn, plausible sizes and money, a bank from
 * the directory (when given), a point near the city on every fourth row, and a key customer (the row
 * eight earlier, same chain) on every third row. Validating it gives 0 errors.
 * @example makeLargeEnterprisesCsv(2, reference).split('\n').length // 4 (header, 2 rows, final '')
 */
export function makeLargeEnterprisesCsv(n: number, reference: ImportReference): string {
  const chains = reference.chains;
  const cityById = new Map(reference.cities.map((c) => [c.id, c] as const));
  const linkById = new Map(reference.links.map((l) => [l.id, l] as const));
  const lenders = (reference.banks ?? []).filter(
    (b) => b.level === 'national' && b.type.endsWith('bank'),
  );
  const header = ENTERPRISE_COLUMNS.map((c) => `${c.zh} / ${c.en}`);
  const keyIndex = new Map(ENTERPRISE_COLUMNS.map((c, i) => [c.key, i] as const));
  const lines = [header.map(csvField).join(',')];
  const usccs: string[] = [];
  const tiers = ['无', '创新型中小企业', '专精特新中小企业（省级）', '国家级专精特新“小巨人”'];

  for (let i = 0; i < n; i++) {
    const chain = chains[i % chains.length];
    if (!chain) break;
    const round = Math.floor(i / chains.length);
    const cityIds = chain.clusters.map((c) => c.cityId);
    const city =
      cityById.get(cityIds[round % Math.max(1, cityIds.length)] ?? '') ?? reference.cities[0];
    const linkId = chain.linkIds[round % chain.linkIds.length] ?? '';
    const link = linkById.get(linkId);
    if (!city || !link) break;
    const uscc = benchUscc(city.gbCode, i);
    usccs.push(uscc);

    const h = (k: number) => hash(i * 31 + k);
    const employees = 20 + Math.floor(h(1) * 1500);
    const revenue = 300 + Math.round(h(2) * 60000);
    const need = Math.round(revenue * h(3) * 0.8);
    const approved = h(4) < 0.35 ? 0 : Math.round(need * (0.3 + h(5)));
    const outstanding = Math.round(approved * h(6) * 0.9);
    const bank = approved > 0 && lenders.length > 0 ? lenders[i % lenders.length] : undefined;
    const withPoint = i % 4 === 0;
    const row = new Array<string>(header.length).fill('');
    const set = (key: (typeof ENTERPRISE_COLUMNS)[number]['key'], value: string | number) => {
      const index = keyIndex.get(key);
      if (index !== undefined) row[index] = String(value);
    };
    set('uscc', uscc);
    set('name', `${city.nameZh}${link.nameZh.replace(/[,"]/g, '')}基准测试${i}有限公司`);
    set('chain', chain.id);
    set('link', link.id);
    set('city', city.nameZh);
    if (withPoint) {
      set('lon', (city.lon + (h(7) - 0.5) * 0.2).toFixed(4));
      set('lat', (city.lat + (h(8) - 0.5) * 0.2).toFixed(4));
    }
    set('employees', employees);
    set('revenue', revenue);
    set('need', need);
    set('approved', approved);
    set('outstanding', outstanding);
    if (bank) set('banks', bank.nameZh);
    set('isLeader', i % 97 === 0 ? '是' : '否');
    set('srdiTier', tiers[Math.floor(h(9) * tiers.length)] ?? '无');
    set('isHighTech', h(10) < 0.3 ? '是' : '否');
    set('inventionPatents', Math.floor(h(11) * 40));
    set('rdIntensityPct', (1 + h(12) * 9).toFixed(1));
    set('dsoDays', 30 + Math.floor(h(13) * 150));
    set('taxCreditGrade', h(14) < 0.5 ? 'A' : 'B');
    set('purposes', '流动资金;设备更新');
    set('establishedYear', 1995 + Math.floor(h(15) * 28));
    if (i % 3 === 0 && i >= chains.length) set('keyCustomers', usccs[i - chains.length] ?? '');
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}
