import { describe, expect, it } from 'vitest';
import type { Batch, BatchItem } from '../../domain/schema';
import {
  addPending,
  applyStatusPatch,
  NO_PENDING,
  parseStatusDraft,
  pendingPatchesOf,
  settlePending,
  statusDraftKey,
  toStatusDraft,
  toStatusPatch,
  withPatches,
} from './status-draft';

describe('statusDraftKey()', () => {
  it('names the dataset and the meeting', () => {
    expect(statusDraftKey('demo-v1', 'm-nev-ningde')).toBe('meeting-status:demo-v1:m-nev-ningde');
  });
});

describe('parseStatusDraft()', () => {
  it('reads back what toStatusDraft() stores', () => {
    const edits = {
      'x|e1': { status: 'approved' as const, statusDate: '2025-07-01' },
      'x|e2': { status: 'declined' as const, declineReason: '现金流不足 / weak cash flow' },
    };
    expect(parseStatusDraft(structuredClone(toStatusDraft(edits)))).toEqual({
      edits,
      dropped: 0,
      invalid: false,
    });
  });

  it('gives no edits for nothing stored', () => {
    expect(parseStatusDraft(undefined)).toEqual({ edits: {}, dropped: 0, invalid: false });
    expect(parseStatusDraft(null)).toEqual({ edits: {}, dropped: 0, invalid: false });
  });

  it('keeps the good edits and counts the bad ones', () => {
    const parsed = parseStatusDraft({
      version: 1,
      edits: {
        'x|e1': { status: 'contacted' },
        'x|e2': { status: 'won' },
        'x|e3': { status: 'approved', statusDate: '2025-13-40' },
        'no-separator': { status: 'approved' },
      },
    });
    expect(parsed).toEqual({
      edits: { 'x|e1': { status: 'contacted' } },
      dropped: 3,
      invalid: false,
    });
  });

  it('rejects a value of another shape or version as a whole', () => {
    expect(parseStatusDraft({ version: 2, edits: {} }).invalid).toBe(true);
    expect(parseStatusDraft('x|e1=approved').invalid).toBe(true);
    expect(parseStatusDraft({ version: 1 }).invalid).toBe(true);
  });
});

const item = (
  over: Pick<BatchItem, 'enterpriseId' | 'status'> & Partial<BatchItem>,
): BatchItem => ({
  rank: 1,
  score: 0.5,
  recommendedProducts: [],
  reasonCodes: [],
  gap: 100,
  ...over,
});

/** Batch x of bank b: e1 pushed, e2 contacted on 2025-06-20. */
const createBatches = (): Batch[] => [
  {
    id: 'x',
    bankId: 'b',
    chainId: 'nev',
    createdAt: '2025-06-01',
    ruleVersion: 'test',
    items: [
      item({ enterpriseId: 'e1', status: 'pushed' }),
      item({ enterpriseId: 'e2', status: 'contacted', statusDate: '2025-06-20' }),
    ],
  },
];

describe('toStatusPatch()', () => {
  it('gives the cleaned edit of one item', () => {
    expect(
      toStatusPatch(createBatches(), 'x', 'e1', {
        status: 'approved',
        statusDate: '2025-07-01',
        declineReason: 'only kept for a decline',
      }),
    ).toEqual({ key: 'x|e1', edit: { status: 'approved', statusDate: '2025-07-01' } });
  });

  it('gives null for a change back to the dataset’s own status', () => {
    expect(
      toStatusPatch(createBatches(), 'x', 'e2', { status: 'contacted', statusDate: '2025-06-20' }),
    ).toEqual({ key: 'x|e2', edit: null });
  });

  it('refuses an item the batches do not hold', () => {
    expect(() => toStatusPatch(createBatches(), 'x', 'e9', { status: 'approved' })).toThrow(
      'unknown batch item: x|e9',
    );
  });
});

describe('withPatches()', () => {
  it('sets and removes edits without touching its inputs', () => {
    const edits = {
      'x|e1': { status: 'approved' as const },
      'x|e2': { status: 'pushed' as const },
    };
    const patches = { 'x|e1': null, 'x|e3': { status: 'declined' as const } };
    const before = structuredClone({ edits, patches });
    expect(withPatches(edits, patches)).toEqual({
      'x|e2': { status: 'pushed' },
      'x|e3': { status: 'declined' },
    });
    expect({ edits, patches }).toEqual(before);
  });
});

describe('applyStatusPatch()', () => {
  it('keeps the items another tab stored: two tabs edit two items, both are kept', () => {
    // Tab A and tab B both loaded an empty draft. A approves e1 and stores it; B, whose copy is still
    // empty, then contacts e2: the draft stored after B's write holds both.
    const afterA = applyStatusPatch(undefined, { key: 'x|e1', edit: { status: 'approved' } });
    const afterB = applyStatusPatch(structuredClone(afterA), {
      key: 'x|e2',
      edit: { status: 'declined', declineReason: '现金流不足' },
    });
    expect(afterB).toEqual({
      version: 1,
      edits: {
        'x|e1': { status: 'approved' },
        'x|e2': { status: 'declined', declineReason: '现金流不足' },
      },
    });
  });

  it('replaces only the patched item', () => {
    const stored = toStatusDraft({
      'x|e1': { status: 'approved' },
      'x|e2': { status: 'contacted', statusDate: '2025-07-02' },
    });
    expect(applyStatusPatch(stored, { key: 'x|e1', edit: { status: 'disbursed' } })).toEqual({
      version: 1,
      edits: {
        'x|e1': { status: 'disbursed' },
        'x|e2': { status: 'contacted', statusDate: '2025-07-02' },
      },
    });
  });

  it('deletes the draft when the last edit is removed', () => {
    const stored = toStatusDraft({ 'x|e1': { status: 'approved' } });
    expect(applyStatusPatch(stored, { key: 'x|e1', edit: null })).toBeUndefined();
    expect(applyStatusPatch(undefined, { key: 'x|e1', edit: null })).toBeUndefined();
  });

  it('drops stored entries that do not parse and replaces a value that is no draft', () => {
    const stored = {
      version: 1,
      edits: { 'x|e1': { status: 'won' }, 'x|e2': { status: 'pushed' } },
    };
    expect(applyStatusPatch(stored, { key: 'x|e3', edit: { status: 'approved' } })).toEqual({
      version: 1,
      edits: { 'x|e2': { status: 'pushed' }, 'x|e3': { status: 'approved' } },
    });
    expect(applyStatusPatch('garbage', { key: 'x|e3', edit: { status: 'approved' } })).toEqual({
      version: 1,
      edits: { 'x|e3': { status: 'approved' } },
    });
  });
});

describe('pending edits', () => {
  const approved = { key: 'x|e1', edit: { status: 'approved' as const } };
  const disbursed = { key: 'x|e1', edit: { status: 'disbursed' as const } };

  it('addPending() keeps the latest edit per item, for one draft only', () => {
    const one = addPending(NO_PENDING, 'k1', approved, 1);
    const two = addPending(one, 'k1', disbursed, 2);
    expect(pendingPatchesOf(two, 'k1')).toEqual({ 'x|e1': { status: 'disbursed' } });
    expect(pendingPatchesOf(two, 'k2')).toEqual({});
    expect(addPending(two, 'k2', approved, 3)).toEqual({
      draftKey: 'k2',
      patches: { 'x|e1': { status: 'approved' } },
      seqs: { 'x|e1': 3 },
    });
    expect(one).toEqual({
      draftKey: 'k1',
      patches: { 'x|e1': approved.edit },
      seqs: { 'x|e1': 1 },
    });
  });

  it('settlePending() clears an item once its latest edit is stored, not before', () => {
    const two = addPending(addPending(NO_PENDING, 'k1', approved, 1), 'k1', disbursed, 2);
    expect(settlePending(two, 'k1', 'x|e1', 1)).toBe(two);
    expect(settlePending(two, 'k2', 'x|e1', 2)).toBe(two);
    expect(settlePending(two, 'k1', 'x|e1', 2)).toEqual({ draftKey: 'k1', patches: {}, seqs: {} });
  });
});
