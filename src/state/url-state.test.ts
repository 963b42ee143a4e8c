import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../analysis/filters';
import { DEFAULT_URL_STATE, decodeUrlState, encodeUrlState, type UrlState } from './url-state';

describe('decodeUrlState()', () => {
  it('an empty query gives the defaults and no notice', () => {
    expect(decodeUrlState('')).toEqual({ state: DEFAULT_URL_STATE, notices: [] });
  });

  it('reads every parameter of an Atlas link', () => {
    const { state, notices } = decodeUrlState(
      '?lang=en&view=atlas&chain=nev&ov=role&prov=%E6%B1%9F%E8%8B%8F&city=changzhou&stage=midstream' +
        '&flink=nev.cell&role=fill&size=small&srdi=srdi&verdict=uncovered&lender=b-state-a&gapmin=500' +
        '&link=nev.cell&ent=e-nev-changzhou-017&map=119.95,31.77,7.5',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      lang: 'en',
      view: 'atlas',
      chain: 'nev',
      overlay: 'role',
      filters: {
        province: '江苏',
        city: 'changzhou',
        stage: 'midstream',
        link: 'nev.cell',
        role: 'fill',
        size: 'small',
        srdi: 'srdi',
        verdict: 'uncovered',
        lender: 'b-state-a',
        gapMin: 500,
      },
      link: 'nev.cell',
      enterprise: 'e-nev-changzhou-017',
      map: { lon: 119.95, lat: 31.77, zoom: 7.5 },
      perspective: 'gov',
      bank: null,
      meeting: null,
      scene: 1,
      names: false,
      compare: null,
      scenario: null,
    });
  });

  it('reads the bank, meeting, presentation scene and names toggle', () => {
    const { state, notices } = decodeUrlState(
      '?view=present&bank=b-state-a&meeting=m-nev-ningde&scene=3&names=1',
    );
    expect(notices).toEqual([]);
    expect(state).toMatchObject({
      view: 'present',
      bank: 'b-state-a',
      meeting: 'm-nev-ningde',
      scene: 3,
      names: true,
    });
  });

  it.each([
    ['?lang=fr', 'lang', 'fr'],
    ['?view=%3Cscript%3E', 'view', '<script>'],
    ['?chain=..%2F..%2Fetc', 'chain', '../../etc'],
    ['?ov=heat', 'ov', 'heat'],
    ['?prov=%3Cimg%3E', 'prov', '<img>'],
    ['?gapmin=-5', 'gapmin', '-5'],
    ['?gapmin=abc', 'gapmin', 'abc'],
    ['?map=200,31,5', 'map', '200,31,5'],
    ['?map=120,31', 'map', '120,31'],
    ['?role=boss', 'role', 'boss'],
    ['?scene=0', 'scene', '0'],
    ['?scene=2.5', 'scene', '2.5'],
    ['?names=yes', 'names', 'yes'],
    ['?persp=boss', 'persp', 'boss'],
  ])('malformed %s falls back to the default with a notice', (search, param, value) => {
    const { state, notices } = decodeUrlState(search);
    expect(state).toEqual(DEFAULT_URL_STATE);
    expect(notices).toEqual([{ param, value }]);
  });

  it('keeps the good parameters when one is bad', () => {
    const { state, notices } = decodeUrlState('?lang=en&view=nope&chain=ic&role=fill');
    expect(state.lang).toBe('en');
    expect(state.view).toBe('overview');
    expect(state.chain).toBe('ic');
    expect(state.filters.role).toBe('fill');
    expect(notices).toEqual([{ param: 'view', value: 'nope' }]);
  });
});

describe('perspective in the URL', () => {
  it.each([
    ['', 'gov', null],
    ['?bank=b-ccb-changzhou', 'bank', 'b-ccb-changzhou'],
    ['?persp=gov&bank=b-ccb-changzhou', 'gov', 'b-ccb-changzhou'],
    ['?persp=public', 'public', null],
    ['?persp=bank', 'bank', null],
  ] as const)('%s reads as perspective %s with bank %s', (search, perspective, bank) => {
    const { state, notices } = decodeUrlState(search);
    expect(notices).toEqual([]);
    expect(state.perspective).toBe(perspective);
    expect(state.bank).toBe(bank);
  });

  it.each([
    ['gov', null, ''],
    ['gov', 'b-x', '?persp=gov&bank=b-x'],
    ['bank', 'b-x', '?bank=b-x'],
    ['bank', null, '?persp=bank'],
    ['public', null, '?persp=public'],
  ] as const)('perspective %s with bank %s writes %s and reads back', (perspective, bank, url) => {
    const state: UrlState = { ...DEFAULT_URL_STATE, perspective, bank };
    expect(encodeUrlState(state)).toBe(url);
    expect(decodeUrlState(url).state).toEqual(state);
  });
});

describe('encodeUrlState()', () => {
  it('omits defaults', () => {
    expect(encodeUrlState(DEFAULT_URL_STATE)).toBe('');
  });

  it('writes parameters in a fixed order and rounds the viewport', () => {
    const state: UrlState = {
      ...DEFAULT_URL_STATE,
      view: 'atlas',
      chain: 'nev',
      filters: { ...EMPTY_FILTERS, city: 'hefei', gapMin: 100 },
      link: 'nev.pack',
      map: { lon: 117.280812, lat: 31.863944, zoom: 6.123 },
    };
    expect(encodeUrlState(state)).toBe(
      '?view=atlas&chain=nev&city=hefei&gapmin=100&link=nev.pack&map=117.2808%2C31.8639%2C6.12',
    );
  });

  it('round-trips through decodeUrlState()', () => {
    const state: UrlState = {
      lang: 'en',
      view: 'atlas',
      chain: 'pv',
      overlay: 'gapRatio',
      filters: { ...EMPTY_FILTERS, province: '江苏', verdict: 'blind_spot' },
      link: 'pv.cell',
      enterprise: null,
      map: { lon: 120.5, lat: 31.25, zoom: 5 },
      perspective: 'gov',
      bank: 'b-jsb-c',
      meeting: 'm-pv-changzhou',
      scene: 4,
      names: true,
      compare: { from: '1', to: '2' },
      scenario: {
        kind: 'enter',
        bankId: 'b-jsb-c',
        linkId: 'pv.cell',
        product: 'SCF_AR',
        budget: 5000,
      },
    };
    expect(decodeUrlState(encodeUrlState(state)).state).toEqual(state);
  });
});

describe('rounds and scenarios in the URL', () => {
  it('reads a round pair and a scenario', () => {
    const { state, notices } = decodeUrlState('?view=atlas&cmp=1..2&scn=terms~e-nev-001~30');
    expect(notices).toEqual([]);
    expect(state.compare).toEqual({ from: '1', to: '2' });
    expect(state.scenario).toEqual({ kind: 'terms', leaderId: 'e-nev-001', days: 30 });
  });

  it('writes a scenario as kind~fields', () => {
    expect(
      encodeUrlState({
        ...DEFAULT_URL_STATE,
        scenario: { kind: 'withdraw_type', bankType: 'joint_stock_bank', chainId: 'nev' },
      }),
    ).toBe('?scn=withdraw_type%7Ejoint_stock_bank%7Enev');
  });

  it.each([
    ['cmp', '2..2'],
    ['cmp', '1-2'],
    ['scn', 'terms~L1'],
    ['scn', 'terms~L1~0'],
    ['scn', 'flood~a~b'],
    ['scn', 'withdraw_city~b1~<script>'],
    ['scn', 'enter~b1~t.up~LOTTERY~100'],
  ])('resets a malformed %s=%s with a notice', (param, value) => {
    const { state, notices } = decodeUrlState(`?${param}=${encodeURIComponent(value)}`);
    expect(notices).toEqual([{ param, value }]);
    expect(state.compare).toBeNull();
    expect(state.scenario).toBeNull();
  });
});
