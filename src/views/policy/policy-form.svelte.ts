import { CHAIN_ROLES, type ChainRole } from '../../domain/schema';
import { validateDraft, type DraftIssue, type PolicyDraft } from './policy-draft';

/**
 * The policy card being edited: one instance per (dataset, chain, region, bank), created from the
 * saved draft or the generated one. Its methods are the only writers; `toDraft()` is what is saved.
 */
export class PolicyForm {
  titleZh = $state('');
  titleEn = $state('');
  introduction = $state('');
  eligibilityNotes = $state('');
  creditQuota = $state<number | null>(null);
  rateCapPct = $state<number | null>(null);
  guaranteeFeeCapPct = $state<number | null>(null);
  targetLinkIds = $state<string[]>([]);
  targetRoles = $state<ChainRole[]>([]);
  validFrom = $state('');
  validTo = $state('');
  /** The draft the form was last loaded from or saved as: what “unsaved changes” compares to. */
  base: PolicyDraft;
  /** Set by “restore generated card” until the next save. */
  restored = $state(false);

  readonly issues: DraftIssue[] = $derived(
    validateDraft({
      titleZh: this.titleZh,
      titleEn: this.titleEn,
      creditQuota: this.creditQuota,
      rateCapPct: this.rateCapPct,
      guaranteeFeeCapPct: this.guaranteeFeeCapPct,
      validFrom: this.validFrom,
      validTo: this.validTo,
    }),
  );
  readonly valid = $derived(this.issues.every((i) => i.severity !== 'error'));
  readonly dirty: boolean;

  constructor(draft: PolicyDraft) {
    this.base = $state.raw(draft);
    this.dirty = $derived(
      JSON.stringify(this.editable()) !== JSON.stringify(editableOf(this.base)),
    );
    this.load(draft);
  }

  /** Fills every field from a draft, which becomes the new baseline. */
  load(draft: PolicyDraft): void {
    this.base = draft;
    this.titleZh = draft.titleZh;
    this.titleEn = draft.titleEn;
    this.introduction = draft.introduction;
    this.eligibilityNotes = draft.eligibilityNotes;
    this.creditQuota = draft.creditQuota ?? null;
    this.rateCapPct = draft.rateCapPct ?? null;
    this.guaranteeFeeCapPct = draft.guaranteeFeeCapPct ?? null;
    this.targetLinkIds = [...draft.targetLinkIds];
    this.targetRoles = [...draft.targetRoles];
    this.validFrom = draft.validFrom;
    this.validTo = draft.validTo;
    this.restored = false;
  }

  /** “Restore generated card”: the generated values, unsaved until the user saves them. */
  restore(generated: PolicyDraft): void {
    const base = this.base;
    this.load(generated);
    this.base = base;
    this.restored = true;
  }

  /** The fields in one object, in a fixed key order (for comparison and saving). */
  editable() {
    return {
      titleZh: this.titleZh,
      titleEn: this.titleEn,
      introduction: this.introduction,
      eligibilityNotes: this.eligibilityNotes,
      creditQuota: this.creditQuota,
      rateCapPct: this.rateCapPct,
      guaranteeFeeCapPct: this.guaranteeFeeCapPct,
      targetLinkIds: [...this.targetLinkIds].sort(),
      targetRoles: CHAIN_ROLES.filter((r) => this.targetRoles.includes(r)),
      validFrom: this.validFrom,
      validTo: this.validTo,
    };
  }

  /** The draft to save: the baseline's identity and products with the edited fields. */
  toDraft(savedAt: string): PolicyDraft {
    const e = this.editable();
    const draft: PolicyDraft = {
      id: this.base.id,
      chainId: this.base.chainId,
      cityIds: [...this.base.cityIds],
      bankIds: [...this.base.bankIds],
      products: [...this.base.products],
      eligibility: this.base.eligibility.map((r) => ({ ...r })),
      titleZh: e.titleZh.trim(),
      titleEn: e.titleEn.trim(),
      introduction: e.introduction,
      eligibilityNotes: e.eligibilityNotes,
      targetLinkIds: e.targetLinkIds,
      targetRoles: e.targetRoles,
      validFrom: e.validFrom,
      validTo: e.validTo,
      savedAt,
    };
    if (e.creditQuota !== null) draft.creditQuota = e.creditQuota;
    if (e.rateCapPct !== null) draft.rateCapPct = e.rateCapPct;
    if (e.guaranteeFeeCapPct !== null) draft.guaranteeFeeCapPct = e.guaranteeFeeCapPct;
    return draft;
  }

  toggleLink(linkId: string, on: boolean): void {
    const rest = this.targetLinkIds.filter((id) => id !== linkId);
    this.targetLinkIds = on ? [...rest, linkId] : rest;
  }

  toggleRole(role: ChainRole, on: boolean): void {
    const rest = this.targetRoles.filter((r) => r !== role);
    this.targetRoles = on ? [...rest, role] : rest;
  }
}

function editableOf(d: PolicyDraft) {
  return {
    titleZh: d.titleZh,
    titleEn: d.titleEn,
    introduction: d.introduction,
    eligibilityNotes: d.eligibilityNotes,
    creditQuota: d.creditQuota ?? null,
    rateCapPct: d.rateCapPct ?? null,
    guaranteeFeeCapPct: d.guaranteeFeeCapPct ?? null,
    targetLinkIds: [...d.targetLinkIds].sort(),
    targetRoles: CHAIN_ROLES.filter((r) => d.targetRoles.includes(r)),
    validFrom: d.validFrom,
    validTo: d.validTo,
  };
}
