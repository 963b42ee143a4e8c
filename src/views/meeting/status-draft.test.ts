import { describe, expect, it } from 'vitest';
import { parseStatusDraft, statusDraftKey, toStatusDraft } from './status-draft';

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
