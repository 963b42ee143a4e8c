/**
 * The follow-up statuses an official edits, as kept in IndexedDB (one draft per dataset and meeting).
 * The stored value comes from outside the app's control (older versions, other tabs, hand edits),
 * so it is parsed edit by edit: one bad entry is dropped and counted, the good ones are kept.
 *
 * Several tabs may edit the same meeting, so an edit is stored as a patch of one item applied to the
 * draft as stored at that moment (`applyStatusPatch`, inside one IndexedDB transaction), never as
 * the tab's whole copy of the edits.
 */
import { z } from 'zod';
import { itemKey, withStatusEdit, type StatusEdit, type StatusEdits } from '../../analysis/meeting';
import type { Batch } from '../../domain/schema';
import { BatchStatusSchema, IsoDateSchema } from '../../domain/schema';

export const STATUS_DRAFT_VERSION = 1;

export const StatusEditSchema = z.object({
  status: BatchStatusSchema,
  statusDate: IsoDateSchema.optional(),
  declineReason: z.string().max(200).optional(),
});

export const StatusDraftSchema = z.object({
  version: z.literal(STATUS_DRAFT_VERSION),
  edits: z.record(z.string().min(3).max(200), z.unknown()),
});

export type StatusDraft = z.infer<typeof StatusDraftSchema>;

/**
 * The IndexedDB key of a meeting's draft.
 * @example statusDraftKey('demo-v1', 'm-nev-ningde') // 'meeting-status:demo-v1:m-nev-ningde'
 */
export const statusDraftKey = (datasetId: string, meetingId: string): string =>
  `meeting-status:${datasetId}:${meetingId}`;

/** What is stored for a set of edits. */
export const toStatusDraft = (edits: StatusEdits): StatusDraft => ({
  version: STATUS_DRAFT_VERSION,
  edits: { ...edits },
});

export interface ParsedStatusDraft {
  edits: StatusEdits;
  /** Entries that did not parse and were left out (0 when the draft was clean or absent). */
  dropped: number;
  /** The stored value as a whole was not a status draft. */
  invalid: boolean;
}

/**
 * A stored value (`undefined` when nothing is stored) as edits.
 * @example parseStatusDraft({ version: 1, edits: { 'x|e1': { status: 'approved' }, 'x|e2': { status: 'won' } } })
 * // → { edits: { 'x|e1': { status: 'approved' } }, dropped: 1, invalid: false }
 */
export function parseStatusDraft(value: unknown): ParsedStatusDraft {
  if (value === undefined || value === null) return { edits: {}, dropped: 0, invalid: false };
  const draft = StatusDraftSchema.safeParse(value);
  if (!draft.success) return { edits: {}, dropped: 0, invalid: true };
  const edits: Record<string, StatusEdit> = {};
  let dropped = 0;
  for (const [key, raw] of Object.entries(draft.data.edits)) {
    const edit = StatusEditSchema.safeParse(raw);
    if (edit.success && key.includes('|')) edits[key] = edit.data;
    else dropped++;
  }
  return { edits, dropped, invalid: false };
}

/** One item's change: its new edit, or null when it is back to the dataset's own status. */
export interface StatusPatch {
  /** `itemKey(batchId, enterpriseId)` */
  key: string;
  edit: StatusEdit | null;
}

/**
 * The patch for one item's change, cleaned as `withStatusEdit` cleans it: an edit that brings the
 * item back to the dataset's status, date and reason is no edit (null).
 * @example
 * // dataset: x|e1 pushed
 * toStatusPatch(batches, 'x', 'e1', { status: 'contacted' }) // { key: 'x|e1', edit: { status: 'contacted' } }
 * toStatusPatch(batches, 'x', 'e1', { status: 'pushed' }) // { key: 'x|e1', edit: null }
 */
export function toStatusPatch(
  original: readonly Batch[],
  batchId: string,
  enterpriseId: string,
  change: StatusEdit,
): StatusPatch {
  const single = withStatusEdit({}, original, batchId, enterpriseId, change);
  const [entry] = Object.entries(single);
  return entry
    ? { key: entry[0], edit: entry[1] }
    : { key: itemKey(batchId, enterpriseId), edit: null };
}

/**
 * The edits with some items' patches laid over them (a patch of null removes the item's edit).
 * Inputs are not mutated.
 * @example withPatches({ 'x|e1': a, 'x|e2': b }, { 'x|e1': null, 'x|e3': c }) // { 'x|e2': b, 'x|e3': c }
 */
export function withPatches(
  edits: StatusEdits,
  patches: Readonly<Record<string, StatusEdit | null>>,
): StatusEdits {
  const out: Record<string, StatusEdit> = { ...edits };
  for (const [key, edit] of Object.entries(patches)) {
    if (edit) out[key] = edit;
    else delete out[key];
  }
  return out;
}

/**
 * What to store after one item's patch, given what is stored now (parsed here: entries that no
 * longer fit are dropped, a value that is no status draft at all is replaced); `undefined` when no
 * edit is left, so the draft is deleted. Every other item stays as stored, whoever wrote it.
 * @example
 * applyStatusPatch({ version: 1, edits: { 'x|e1': { status: 'approved' } } }, { key: 'x|e2', edit: { status: 'contacted' } })
 * // → { version: 1, edits: { 'x|e1': { status: 'approved' }, 'x|e2': { status: 'contacted' } } }
 */
export function applyStatusPatch(stored: unknown, patch: StatusPatch): StatusDraft | undefined {
  const edits = withPatches(parseStatusDraft(stored).edits, { [patch.key]: patch.edit });
  return Object.keys(edits).length === 0 ? undefined : toStatusDraft(edits);
}

/**
 * A tab's own edits on their way to storage (or refused by it) for one draft, shown over the stored
 * edits until the write has landed. `seqs` numbers each item's latest edit, so that an older write
 * landing after a newer edit of the same item does not take the newer one off the screen.
 */
export interface PendingEdits {
  draftKey: string;
  patches: Readonly<Record<string, StatusEdit | null>>;
  seqs: Readonly<Record<string, number>>;
}

export const NO_PENDING: PendingEdits = { draftKey: '', patches: {}, seqs: {} };

/**
 * The pending edits with one more (those of another draft are dropped).
 * @example addPending(NO_PENDING, 'k', { key: 'x|e1', edit: null }, 1)
 * // → { draftKey: 'k', patches: { 'x|e1': null }, seqs: { 'x|e1': 1 } }
 */
export function addPending(
  pending: PendingEdits,
  draftKey: string,
  patch: StatusPatch,
  seq: number,
): PendingEdits {
  const base = pending.draftKey === draftKey ? pending : NO_PENDING;
  return {
    draftKey,
    patches: { ...base.patches, [patch.key]: patch.edit },
    seqs: { ...base.seqs, [patch.key]: seq },
  };
}

/**
 * The pending edits once edit number `seq` of an item is stored: the item is no longer pending,
 * unless it was edited again since (then the newer edit stays).
 * @example settlePending({ draftKey: 'k', patches: { 'x|e1': null }, seqs: { 'x|e1': 2 } }, 'k', 'x|e1', 1) // unchanged
 */
export function settlePending(
  pending: PendingEdits,
  draftKey: string,
  key: string,
  seq: number,
): PendingEdits {
  if (pending.draftKey !== draftKey || pending.seqs[key] !== seq) return pending;
  const patches = { ...pending.patches };
  const seqs = { ...pending.seqs };
  delete patches[key];
  delete seqs[key];
  return { draftKey, patches, seqs };
}

/** The pending patches that apply to a draft. */
export const pendingPatchesOf = (
  pending: PendingEdits,
  draftKey: string,
): Readonly<Record<string, StatusEdit | null>> =>
  pending.draftKey === draftKey ? pending.patches : {};
