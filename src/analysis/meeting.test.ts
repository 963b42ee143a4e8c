import { describe, expect, it } from 'vitest';
import type { Batch, BatchItem, BatchStatus, DockingMeeting } from '../domain/schema';
import { analyzeDataset } from './analyze';
import {
  applyStatusEdits,
  declineReasons,
  firstLoanIdsOf,
  funnelRows,
  itemKey,
  meetingBatches,
  meetingKpis,
  pickMeeting,
  withStatusEdit,
} from './meeting';
import { createDataset, createEnterprise, createRelation } from './test-fixtures';

const item = (
  enterpriseId: string,
  status: BatchStatus,
  gap: number,
  over: Partial<BatchItem> = {},
): BatchItem => ({
  enterpriseId,
  rank: 1,
  score: 0.5,
  recommendedProducts: ['CREDIT_LOAN'],
  reasonCodes: [],
  gap,
  status,
  ...over,
});

const batch = (over: Partial<Batch> & Pick<Batch, 'id' | 'bankId'>): Batch => ({
  chainId: 't',
  createdAt: '2025-06-18',
  ruleVersion: 'r1',
  items: [],
  ...over,
});

const meeting = (over: Partial<DockingMeeting> & Pick<DockingMeeting, 'id'>): DockingMeeting => ({
  date: '2025-06-18',
  cityId: 'a',
  chainIds: ['t'],
  bankIds: [],
  batchIds: [],
  titleZh: '对接会',
  ...over,
});

describe('pickMeeting()', () => {
  const meetings = () => [
    meeting({ id: 'm-ic', chainIds: ['ic'] }),
    meeting({ id: 'm-nev', chainIds: ['nev'] }),
  ];

  it('takes the requested meeting when the dataset has it', () => {
    expect(pickMeeting(meetings(), 'm-nev', 'ic')?.id).toBe('m-nev');
  });

  it('falls back to the first meeting of the chain for an unknown or missing id', () => {
    expect(pickMeeting(meetings(), 'nope', 'nev')?.id).toBe('m-nev');
    expect(pickMeeting(meetings(), null, 'nev')?.id).toBe('m-nev');
  });

  it('falls back to the first meeting when the chain has none', () => {
    expect(pickMeeting(meetings(), null, 'pv')?.id).toBe('m-ic');
    expect(pickMeeting(meetings(), null, null)?.id).toBe('m-ic');
  });

  it('returns null without meetings', () => {
    expect(pickMeeting([], 'm-ic', 'ic')).toBeNull();
  });
});

describe('meetingBatches()', () => {
  it('lists the batches in batchIds order, then others that name the meeting', () => {
    const batches = [
      batch({ id: 'x', bankId: 'b1' }),
      batch({ id: 'y', bankId: 'b2' }),
      batch({ id: 'z', bankId: 'b3', meetingId: 'm1' }),
      batch({ id: 'w', bankId: 'b4', meetingId: 'm2' }),
    ];
    const m = meeting({ id: 'm1', batchIds: ['y', 'x', 'missing'] });
    expect(meetingBatches({ batches }, m).map((b) => b.id)).toEqual(['y', 'x', 'z']);
  });
});

describe('applyStatusEdits()', () => {
  const batches = () => [
    batch({
      id: 'x',
      bankId: 'b1',
      items: [
        item('e1', 'pushed', 100),
        item('e2', 'declined', 200, { statusDate: '2025-06-24', declineReason: 'collateral' }),
      ],
    }),
  ];

  it('replaces status, date and reason of an edited item together', () => {
    const out = applyStatusEdits(batches(), {
      [itemKey('x', 'e1')]: { status: 'contacted', statusDate: '2025-07-01' },
      [itemKey('x', 'e2')]: { status: 'approved' },
    });
    expect(out[0]?.items).toEqual([
      item('e1', 'contacted', 100, { statusDate: '2025-07-01' }),
      // the decline's date and reason go with the decline
      item('e2', 'approved', 200),
    ]);
  });

  it('keeps a decline reason only on a declined item', () => {
    const out = applyStatusEdits(batches(), {
      'x|e1': { status: 'declined', statusDate: '2025-07-02', declineReason: 'cash flow' },
    });
    expect(out[0]?.items[0]).toEqual(
      item('e1', 'declined', 100, { statusDate: '2025-07-02', declineReason: 'cash flow' }),
    );
  });

  it('ignores edits of items the batches do not hold, and does not mutate its input', () => {
    const input = batches();
    const before = structuredClone(input);
    const out = applyStatusEdits(input, { 'x|e9': { status: 'approved' } });
    expect(out).toEqual(before);
    expect(input).toEqual(before);
  });
});

describe('withStatusEdit()', () => {
  const original = () => [
    batch({
      id: 'x',
      bankId: 'b1',
      items: [
        item('e1', 'pushed', 100),
        item('e2', 'declined', 200, { statusDate: '2025-06-24', declineReason: 'collateral' }),
      ],
    }),
  ];

  it('adds an edit for a changed item', () => {
    expect(
      withStatusEdit({}, original(), 'x', 'e1', { status: 'contacted', statusDate: '2025-07-01' }),
    ).toEqual({ 'x|e1': { status: 'contacted', statusDate: '2025-07-01' } });
  });

  it('drops the edit when the item is back at its dataset status', () => {
    const edits = {
      'x|e1': { status: 'approved' as const },
      'x|e2': { status: 'pushed' as const },
    };
    expect(withStatusEdit(edits, original(), 'x', 'e1', { status: 'pushed' })).toEqual({
      'x|e2': { status: 'pushed' },
    });
    expect(
      withStatusEdit(edits, original(), 'x', 'e2', {
        status: 'declined',
        statusDate: '2025-06-24',
        declineReason: 'collateral',
      }),
    ).toEqual({ 'x|e1': { status: 'approved' } });
  });

  it('keeps an edit that changes only the date or the reason', () => {
    expect(
      withStatusEdit({}, original(), 'x', 'e2', {
        status: 'declined',
        statusDate: '2025-06-24',
        declineReason: 'cash flow',
      }),
    ).toEqual({
      'x|e2': { status: 'declined', statusDate: '2025-06-24', declineReason: 'cash flow' },
    });
  });

  it('drops empty dates and a reason on a status other than declined', () => {
    expect(
      withStatusEdit({}, original(), 'x', 'e1', {
        status: 'approved',
        statusDate: '',
        declineReason: 'stale',
      }),
    ).toEqual({ 'x|e1': { status: 'approved' } });
  });

  it('rejects an item the batches do not hold', () => {
    expect(() => withStatusEdit({}, original(), 'x', 'e9', { status: 'approved' })).toThrow(
      'unknown batch item: x|e9',
    );
  });
});

describe('firstLoanIdsOf()', () => {
  it('collects the items whose enterprise has no live bank credit', () => {
    const analysis = analyzeDataset(
      createDataset({
        enterprises: [createEnterprise({ id: 'e1' }), createEnterprise({ id: 'e2' })],
        creditRelations: [createRelation({ enterpriseId: 'e2' })],
      }),
    );
    const batches = [
      batch({
        id: 'x',
        bankId: 'b1',
        items: [item('e1', 'pushed', 100), item('e2', 'pushed', 50)],
      }),
      // an enterprise the dataset does not know is not counted
      batch({
        id: 'y',
        bankId: 'b2',
        items: [item('e1', 'approved', 100), item('e9', 'pushed', 1)],
      }),
    ];
    expect([...firstLoanIdsOf(analysis, batches)]).toEqual(['e1']);
  });
});

describe('meetingKpis()', () => {
  it('computes the meeting, per-chain and per-bank KPIs over the items', () => {
    const batches = [
      batch({
        id: 'x',
        bankId: 'b2',
        items: [item('e1', 'approved', 100), item('e2', 'pushed', 100)],
      }),
      batch({ id: 'y', bankId: 'b1', chainId: 'u', items: [item('e1', 'disbursed', 300)] }),
    ];
    const k = meetingKpis(batches, new Set(['e1']));
    // 3 items; approved: x|e1 and y|e1 → 2 of 3; both are first loans (e1 had no lender)
    expect(k.meeting).toMatchObject({ pushed: 3, approved: 2, disbursed: 1, firstLoans: 2 });
    expect(k.meeting.approvalRate).toBe(2 / 3);
    // gap 500, approved items' gap 400
    expect(k.meeting.approvedGapShare).toBe(400 / 500);
    expect(k.byBank.map((g) => [g.key, g.kpis.pushed, g.kpis.approved])).toEqual([
      ['b1', 1, 1],
      ['b2', 2, 1],
    ]);
    expect(k.byChain.map((g) => [g.key, g.batchIds])).toEqual([
      ['t', ['x']],
      ['u', ['y']],
    ]);
  });
});

describe('funnelRows()', () => {
  it('gives each stage its count, its share of pushed and its step from the previous stage', () => {
    expect(funnelRows({ pushed: 10, contacted: 8, approved: 4, disbursed: 2 })).toEqual([
      { stage: 'pushed', count: 10, ofPushed: 1, ofPrevious: null },
      { stage: 'contacted', count: 8, ofPushed: 0.8, ofPrevious: 0.8 },
      { stage: 'approved', count: 4, ofPushed: 0.4, ofPrevious: 0.5 },
      { stage: 'disbursed', count: 2, ofPushed: 0.2, ofPrevious: 0.5 },
    ]);
  });

  it('has null rates when nothing was pushed or a stage is empty', () => {
    expect(funnelRows({ pushed: 0, contacted: 0, approved: 0, disbursed: 0 })).toEqual([
      { stage: 'pushed', count: 0, ofPushed: null, ofPrevious: null },
      { stage: 'contacted', count: 0, ofPushed: null, ofPrevious: null },
      { stage: 'approved', count: 0, ofPushed: null, ofPrevious: null },
      { stage: 'disbursed', count: 0, ofPushed: null, ofPrevious: null },
    ]);
  });
});

describe('declineReasons()', () => {
  it('counts declined items by reason, most frequent first, then by reason', () => {
    const items = [
      item('e1', 'declined', 1, { declineReason: 'b' }),
      item('e2', 'declined', 1, { declineReason: 'a' }),
      item('e3', 'declined', 1, { declineReason: 'b' }),
      item('e4', 'declined', 1),
      item('e5', 'pushed', 1, { declineReason: 'ignored' }),
    ];
    expect(declineReasons(items)).toEqual([
      { reason: 'b', count: 2 },
      { reason: '', count: 1 },
      { reason: 'a', count: 1 },
    ]);
  });
});
