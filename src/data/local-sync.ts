/**
 * Open tabs of the app hear each other's writes to local data (IndexedDB) over a BroadcastChannel.
 * A message only says *what* changed (draft keys, "everything erased", …); the tab that hears it
 * reads the data again from IndexedDB, where it is parsed like any other stored value. A message is
 * outside input too (another version of the app may be open): it is parsed with zod and dropped
 * when it does not fit.
 *
 * A BroadcastChannel never delivers a message to the object that posted it, and this module keeps
 * one channel per tab, so a tab does not hear its own writes (it has already applied them).
 */
import type { QueryClient } from '@tanstack/svelte-query';
import { z } from 'zod';

/** Bumped when the messages change shape: tabs of another version then simply do not hear them. */
export const LOCAL_SYNC_CHANNEL = 'chainatlas-local-v1';

export const LocalChangeSchema = z.discriminatedUnion('type', [
  /** Drafts written or deleted (policy cards, follow-up statuses), by IndexedDB key. */
  z.object({ type: z.literal('drafts'), keys: z.array(z.string().min(1).max(1000)).max(10_000) }),
  /** “Erase all local data”: every store is empty. */
  z.object({ type: z.literal('erased') }),
  /** A backup was restored: datasets and drafts may have changed anywhere. */
  z.object({ type: z.literal('restored') }),
  /** Saved datasets added, renamed or deleted (the list reads again). */
  z.object({ type: z.literal('datasets') }),
]);
export type LocalChange = z.infer<typeof LocalChangeSchema>;

/**
 * A message heard on the channel as a change; null for anything else.
 * @example parseLocalChange({ type: 'drafts', keys: ['meeting-status:demo-v1:m1'] }) // the same object
 * @example parseLocalChange({ type: 'drafts', keys: 'all' }) // null
 */
export function parseLocalChange(data: unknown): LocalChange | null {
  const parsed = LocalChangeSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

type Listener = (change: LocalChange) => void;

/** The channel a tab listens and posts on; tests create their own pairs. */
export interface LocalChannel {
  post(change: LocalChange): void;
  /** Starts listening; returns the function that stops. */
  listen(listener: Listener): () => void;
  /** Stops hearing and posting for good. */
  close(): void;
}

/**
 * A channel over BroadcastChannel, opened on first use. Without BroadcastChannel (very old browsers)
 * posting and listening do nothing: the tab still works, it only stops hearing other tabs.
 */
export function createLocalChannel(name = LOCAL_SYNC_CHANNEL): LocalChannel {
  let channel: BroadcastChannel | null = null;
  let closed = false;
  const listeners = new Set<Listener>();
  const open = (): BroadcastChannel | null => {
    if (channel || closed || typeof BroadcastChannel === 'undefined') return channel;
    channel = new BroadcastChannel(name);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const change = parseLocalChange(event.data);
      if (change) for (const l of [...listeners]) l(change);
    };
    return channel;
  };
  return {
    post(change) {
      // A tab that cannot post (channel closed during unload) loses nothing: the data is written.
      try {
        open()?.postMessage(change);
      } catch {
        /* the other tabs will read the data on their next load */
      }
    },
    listen(listener) {
      open();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      channel?.close();
      channel = null;
    },
  };
}

let tabChannel: LocalChannel | null = null;
const channel = (): LocalChannel => (tabChannel ??= createLocalChannel());

/** Tells the other open tabs that local data changed (after the write has committed). */
export function notifyOtherTabs(change: LocalChange): void {
  channel().post(change);
}

/** Calls `listener` for each change another tab makes; returns the function that stops. */
export function onOtherTabChange(listener: Listener): () => void {
  return channel().listen(listener);
}

/**
 * After a change to local data (erase, restore, a dataset saved or deleted): the dataset list, the
 * active id and every draft query (policy cards, follow-up statuses) read again; datasets already
 * loaded (`['dataset', id]`) stay cached, since a dataset's content never changes under its id.
 */
export async function refreshLocalQueries(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'dataset' });
}

/**
 * What a change heard from another tab makes this tab read again. Draft queries are keyed
 * `[kind, draftKey]` (status-query.ts, policy-query.ts): only those of the changed keys refetch.
 */
export async function refreshAfter(client: QueryClient, change: LocalChange): Promise<void> {
  if (change.type === 'drafts') {
    const keys = new Set<unknown>(change.keys);
    await client.invalidateQueries({ predicate: (q) => keys.has(q.queryKey[1]) });
  } else {
    await refreshLocalQueries(client);
  }
}

const listening = new WeakSet<QueryClient>();

/**
 * Keeps this tab's cached local data in step with the other open tabs, for the life of the tab:
 * each change another tab reports refetches the queries it touches. Called by every view that shows
 * local data; the first call per query client starts listening, later calls do nothing.
 */
export function listenToOtherTabs(client: QueryClient): void {
  if (listening.has(client)) return;
  listening.add(client);
  onOtherTabChange((change) => void refreshAfter(client, change));
}
