/**
 * The follow-up statuses an official edits, as kept in IndexedDB (one draft per dataset and meeting).
 * The stored value comes from outside the app's control (older versions, other tabs, hand edits),
 * so it is parsed edit by edit: one bad entry is dropped and counted, the good ones are kept.
 */
import { z } from 'zod';
import type { StatusEdit, StatusEdits } from '../../analysis/meeting';
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
