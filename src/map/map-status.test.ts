import { describe, expect, it } from 'vitest';
import { cspNotice, describeMapFailure, failureOf } from './map-status';

describe('failureOf()', () => {
  it.each([
    ['Worker failed to load. Check that the worker URL is correct.', 'worker'],
    ['Failed to fetch worker script (404): http://127.0.0.1/assets/w.js', 'worker'],
    [
      'WebGL2 is required to display this map. Read more on https://wiki.openstreetmap.org/wiki/This_map_requires_WebGL',
      'webgl',
    ],
    ['Failed to initialize WebGL', 'webgl'],
    ['Style is not done loading', 'error'],
  ])('failureOf(%j) is a %s failure', (message, kind) => {
    expect(failureOf(message).kind).toBe(kind);
  });
});

describe('describeMapFailure()', () => {
  it('says WebGL is missing in both languages, without the library’s text or link', () => {
    const text = describeMapFailure(
      failureOf('WebGL2 is required … https://wiki.openstreetmap.org/wiki/This_map_requires_WebGL'),
    );
    expect(text.zh).toContain('WebGL 2');
    expect(text.en).toContain('WebGL 2');
    expect(text.cause).toBeNull();
    expect(JSON.stringify(text)).not.toContain('openstreetmap');
  });

  it('quotes the cause of a timeout and shortens a long one', () => {
    expect(describeMapFailure({ kind: 'timeout', cause: 'HTTP 500' })).toMatchObject({
      cause: 'HTTP 500',
    });
    expect(describeMapFailure({ kind: 'timeout', cause: null }).cause).toBeNull();
    const long = describeMapFailure({ kind: 'error', cause: 'x'.repeat(2000) });
    expect(long.cause?.length).toBeLessThan(310);
  });

  it('names the server’s type mapping when the worker did not load', () => {
    const text = describeMapFailure({ kind: 'worker', cause: 'Worker failed to load.' });
    expect(text.zh).toContain('JavaScript');
    expect(text.en).toContain('JavaScript');
  });
});

describe('cspNotice()', () => {
  const PAGE = 'http://127.0.0.1:4173';

  it('names the refused host and the directive to change, in both languages', () => {
    const notice = cspNotice('connect-src', 'https://gis.intranet/tianditu-style.json', PAGE);
    expect(notice).toContain('https://gis.intranet');
    expect(notice).toContain('内容安全策略');
    expect(notice).toContain('connect-src');
    expect(notice).not.toContain('tianditu-style.json');
  });

  it.each([
    ['the page’s own origin', 'http://127.0.0.1:4173/a.json'],
    ['inline code', 'inline'],
    ['eval', 'eval'],
    ['a data URL', 'data'],
  ])('says nothing for %s', (_, blocked) => {
    expect(cspNotice('script-src', blocked, PAGE)).toBeNull();
  });
});
