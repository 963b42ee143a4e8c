import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState } from './url-state';

describe('decodeUrlState()', () => {
  it('an empty query gives the defaults and no notice', () => {
    expect(decodeUrlState('')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
  });

  it('reads language, view and chain', () => {
    expect(decodeUrlState('?lang=en&view=overview&chain=nev').state).toEqual({
      lang: 'en',
      view: 'overview',
      chain: 'nev',
    });
  });

  it.each([
    ['?lang=fr', 'lang', 'fr'],
    ['?view=%3Cscript%3E', 'view', '<script>'],
    ['?chain=..%2F..%2Fetc', 'chain', '../../etc'],
    ['?chain=NEV%20', 'chain', 'NEV '],
  ])('malformed %s falls back to the default with a notice', (search, param, value) => {
    const { state, notices } = decodeUrlState(search);
    expect(state).toEqual(DEFAULT_URL_STATE);
    expect(notices).toEqual([{ param, value }]);
  });

  it('keeps the good parameters when one is bad', () => {
    const { state, notices } = decodeUrlState('?lang=en&view=nope&chain=ic');
    expect(state).toEqual({ lang: 'en', view: 'overview', chain: 'ic' });
    expect(notices).toHaveLength(1);
  });
});

describe('encodeUrlState()', () => {
  it('omits defaults', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('round-trips through decodeUrlState()', () => {
    const state = { lang: 'en' as const, view: 'overview' as const, chain: 'pv' };
    expect(decodeUrlState(encodeUrlState(state)).state).toEqual(state);
  });
});
