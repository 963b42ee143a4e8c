import { describe, expect, it } from 'vitest';
import { batchKpis } from '../../analysis/kpis';
import type { MeetingKpis } from '../../analysis/meeting';
import { buildKpiRows } from './meeting-model';

describe('buildKpiRows()', () => {
  it('puts the meeting first, then its chains, then its banks, each labelled', () => {
    const k = batchKpis([]);
    const kpis: MeetingKpis = {
      meeting: k,
      byChain: [{ key: 'nev', batchIds: ['x', 'y'], kpis: k }],
      byBank: [
        { key: 'b1', batchIds: ['x'], kpis: k },
        { key: 'b2', batchIds: ['y'], kpis: k },
      ],
    };
    const rows = buildKpiRows('m1', kpis, (scope, id) => `${scope}:${id}`);
    expect(rows.map((r) => [r.scope, r.key, r.label])).toEqual([
      ['meeting', 'm1', 'meeting:m1'],
      ['chain', 'nev', 'chain:nev'],
      ['bank', 'b1', 'bank:b1'],
      ['bank', 'b2', 'bank:b2'],
    ]);
    expect(rows[0]?.kpis).toBe(k);
  });
});
