import { describe, expect, it } from 'vitest';
import { PolicyDraftSchema, type PolicyDraft } from './policy-draft';
import { PolicyForm } from './policy-form.svelte';

const draftOf = (over: Partial<PolicyDraft> = {}): PolicyDraft => ({
  id: 'p-t-all-b1',
  chainId: 't',
  cityIds: [],
  bankIds: ['b1'],
  titleZh: '甲银行 — 测试链产业链专属方案',
  titleEn: 'Bank A — Test chain package',
  products: ['SCF_AR', 'MLT_LOAN'],
  targetRoles: ['fill', 'stabilize'],
  targetLinkIds: ['t.up', 't.down'],
  eligibility: [{ ruleId: 'gap_positive' }],
  creditQuota: 1200,
  rateCapPct: 4,
  guaranteeFeeCapPct: 1,
  validFrom: '2025-07-01',
  validTo: '2026-06-30',
  introduction: '',
  eligibilityNotes: '',
  savedAt: null,
  ...over,
});

describe('PolicyForm', () => {
  it('starts from the draft, without changes', () => {
    const form = new PolicyForm(draftOf());
    expect(form.titleZh).toBe('甲银行 — 测试链产业链专属方案');
    expect(form.creditQuota).toBe(1200);
    expect(form.dirty).toBe(false);
    expect(form.valid).toBe(true);
  });

  it('is dirty after an edit and clean again when the edit is undone', () => {
    const form = new PolicyForm(draftOf());
    form.creditQuota = 88888;
    expect(form.dirty).toBe(true);
    form.creditQuota = 1200;
    expect(form.dirty).toBe(false);
  });

  it('does not count the order of target links as a change', () => {
    const form = new PolicyForm(draftOf());
    form.toggleLink('t.up', false);
    form.toggleLink('t.up', true);
    expect(form.targetLinkIds).toEqual(['t.down', 't.up']);
    expect(form.dirty).toBe(false);
  });

  it('validates as the user types: an empty English title blocks saving', () => {
    const form = new PolicyForm(draftOf());
    form.titleEn = ' ';
    expect(form.valid).toBe(false);
    expect(form.issues.map((i) => i.key)).toEqual(['policy.err.title']);
  });

  it('saves the edits with the identity of the draft; an emptied number is not set', () => {
    const form = new PolicyForm(draftOf());
    form.titleZh = '  新标题  ';
    form.rateCapPct = null;
    form.toggleRole('extend', true);
    const saved = form.toDraft('2025-07-03T06:05:00.000Z');
    expect(saved).toEqual({
      ...draftOf(),
      titleZh: '新标题',
      rateCapPct: undefined,
      targetRoles: ['fill', 'stabilize', 'extend'],
      targetLinkIds: ['t.down', 't.up'],
      savedAt: '2025-07-03T06:05:00.000Z',
    });
    expect('rateCapPct' in saved).toBe(false);
    expect(PolicyDraftSchema.safeParse(saved).success).toBe(true);
    // Plain data, no reactive proxies: IndexedDB can store it.
    expect(structuredClone(saved)).toEqual(saved);
  });

  it('restores the generated card as an unsaved change of the saved one', () => {
    const saved = draftOf({ titleZh: '已保存', savedAt: '2025-07-03T06:05:00.000Z' });
    const form = new PolicyForm(saved);
    form.restore(draftOf());
    expect(form.titleZh).toBe('甲银行 — 测试链产业链专属方案');
    expect(form.restored).toBe(true);
    expect(form.dirty).toBe(true);
    expect(form.base.savedAt).toBe('2025-07-03T06:05:00.000Z');
  });

  it('takes a saved draft as its new baseline', () => {
    const form = new PolicyForm(draftOf());
    form.creditQuota = 500;
    form.load(form.toDraft('2025-07-03T06:05:00.000Z'));
    expect(form.dirty).toBe(false);
    expect(form.restored).toBe(false);
    expect(form.base.creditQuota).toBe(500);
  });
});
