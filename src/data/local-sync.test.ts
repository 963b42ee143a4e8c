import { afterEach, describe, expect, it } from 'vitest';
import { createLocalChannel, parseLocalChange, type LocalChange } from './local-sync';

describe('parseLocalChange()', () => {
  it.each([
    [{ type: 'drafts', keys: ['meeting-status:demo-v1:m1'] }],
    [{ type: 'drafts', keys: [] }],
    [{ type: 'erased' }],
    [{ type: 'restored' }],
    [{ type: 'datasets' }],
  ])('accepts %o', (message) => {
    expect(parseLocalChange(structuredClone(message))).toEqual(message);
  });

  it.each([
    [undefined],
    ['erased'],
    [{ type: 'erase' }],
    [{ type: 'drafts' }],
    [{ type: 'drafts', keys: 'meeting-status:demo-v1:m1' }],
    [{ type: 'drafts', keys: [''] }],
    [{ type: 'drafts', keys: [42] }],
  ])('drops %o', (message) => {
    expect(parseLocalChange(message)).toBeNull();
  });
});

describe('createLocalChannel()', () => {
  const opened: { close(): void }[] = [];
  const open = <T extends { close(): void }>(c: T): T => {
    opened.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of opened.splice(0)) c.close();
  });

  /** The next change `channel` hears. */
  const nextChange = (channel: ReturnType<typeof createLocalChannel>) =>
    new Promise<LocalChange>((resolve) => {
      const stop = channel.listen((change) => {
        stop();
        resolve(change);
      });
    });

  it('delivers a change posted in one tab to another tab, not to the poster', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const tabA = open(createLocalChannel(name));
    const tabB = open(createLocalChannel(name));
    const heardByA: LocalChange[] = [];
    tabA.listen((c) => heardByA.push(c));
    const heard = nextChange(tabB);
    tabA.post({ type: 'drafts', keys: ['policy:demo-v1:nev:b1:all'] });
    expect(await heard).toEqual({ type: 'drafts', keys: ['policy:demo-v1:nev:b1:all'] });
    // B answers; A hears only B's message, never its own.
    const heardByAfromB = nextChange(tabA);
    tabB.post({ type: 'erased' });
    expect(await heardByAfromB).toEqual({ type: 'erased' });
    expect(heardByA).toEqual([{ type: 'erased' }]);
  });

  it('drops a message that is not a change, and hears the next good one', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const tab = open(createLocalChannel(name));
    const heard: LocalChange[] = [];
    tab.listen((c) => heard.push(c));
    const stranger = open(new BroadcastChannel(name));
    const good = nextChange(tab);
    stranger.postMessage({ type: 'drafts', keys: 'everything' });
    stranger.postMessage({ type: 'restored' });
    await good;
    expect(heard).toEqual([{ type: 'restored' }]);
  });
});
