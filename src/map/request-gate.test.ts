import { describe, expect, it } from 'vitest';
import {
  BLOCKED_PROTOCOL,
  blockedOriginOf,
  blockedRequestMessage,
  blockedTarget,
  checkConfigUrl,
  isAllowedRequest,
  makeTransformRequest,
  parseOrigin,
  refuseBlockedRequest,
} from './request-gate';

const PAGE = 'http://127.0.0.1:4173/chainatlas/index.html';
const INTRANET = 'https://gis.intranet';

describe('parseOrigin()', () => {
  it.each([
    ['https://gis.intranet', 'https://gis.intranet'],
    ['https://gis.intranet/', 'https://gis.intranet'],
    ['http://10.1.2.3:8080', 'http://10.1.2.3:8080'],
    ['HTTPS://GIS.Intranet', 'https://gis.intranet'],
  ])('parseOrigin(%j) is %j', (text, origin) => {
    expect(parseOrigin(text)).toBe(origin);
  });

  it.each([
    'gis.intranet',
    'https://gis.intranet/tiles',
    'https://gis.intranet/?a=1',
    'https://user:pw@gis.intranet',
    'ftp://gis.intranet',
    'javascript:alert(1)',
    '*',
    '',
  ])('parseOrigin(%j) refuses what is not a bare http(s) origin', (text) => {
    expect(parseOrigin(text)).toBeNull();
  });
});

describe('checkConfigUrl()', () => {
  it.each([
    'basemap/china-provinces.geojson',
    './config/../basemap/a.geojson',
    '/chainatlas/basemap/a.geojson',
    'http://127.0.0.1:4173/other/path.json',
  ])('checkConfigUrl(%j) passes a URL on the page’s origin', (url) => {
    expect(checkConfigUrl(url, PAGE, [])).toEqual({ ok: true });
  });

  it('refuses another host and names its origin and where to allow it', () => {
    const check = checkConfigUrl(`${INTRANET}/tianditu-style.json`, PAGE, []);
    expect(check).toMatchObject({ ok: false, origin: INTRANET });
    expect(check.ok === false && check.why).toContain('"allowedOrigins"');
  });

  it.each([
    ['another port', 'http://127.0.0.1:8080/a.json'],
    ['another scheme', 'https://127.0.0.1:4173/a.json'],
    ['localhost for 127.0.0.1', 'http://localhost:4173/a.json'],
  ])('refuses the same host on %s', (_, url) => {
    expect(checkConfigUrl(url, PAGE, []).ok).toBe(false);
  });

  it('passes a host listed in allowedOrigins, and only that host', () => {
    expect(checkConfigUrl(`${INTRANET}/s.json`, PAGE, [INTRANET])).toEqual({ ok: true });
    expect(checkConfigUrl('https://evil.example/s.json', PAGE, [INTRANET]).ok).toBe(false);
    expect(checkConfigUrl('https://gis.intranet.evil.example/s.json', PAGE, [INTRANET]).ok).toBe(
      false,
    );
  });

  it('refuses a URL that is not http(s)', () => {
    expect(checkConfigUrl('file:///etc/passwd', PAGE, [])).toMatchObject({
      ok: false,
      origin: null,
    });
  });
});

describe('isAllowedRequest()', () => {
  it.each([
    ['data in the page', 'data:application/json,{}', true],
    ['a blob of the page', 'blob:http://127.0.0.1:4173/1234', true],
    ['the page’s origin', 'http://127.0.0.1:4173/fonts/a.woff2', true],
    ['another host', 'https://tile.openstreetmap.org/1/1/1.png', false],
    ['a file', 'file:///tmp/a.json', false],
    ['an unknown scheme', 'pmtiles://https://x.example/a.pmtiles', false],
  ])('isAllowedRequest() for %s is %s', (_, url, allowed) => {
    expect(isAllowedRequest(url, PAGE, [])).toBe(allowed);
  });
});

describe('makeTransformRequest()', () => {
  it('passes requests to the page’s origin and to allowed origins unchanged', () => {
    const gate = makeTransformRequest({ allowedOrigins: [INTRANET] }, PAGE);
    const same = 'http://127.0.0.1:4173/chainatlas/basemap/china-provinces.geojson';
    expect(gate(same)).toEqual({ url: same });
    expect(gate(`${INTRANET}/tiles/3/6/2.png`)).toEqual({ url: `${INTRANET}/tiles/3/6/2.png` });
  });

  it('rewrites every other request to the blocked scheme, keeping its target', () => {
    const gate = makeTransformRequest({}, PAGE);
    const url = 'https://tiles.example/a.geojson?key=1&b=2';
    const { url: rewritten } = gate(url);
    expect(rewritten.startsWith(`${BLOCKED_PROTOCOL}://`)).toBe(true);
    expect(rewritten).not.toContain('https://');
    expect(blockedTarget(rewritten)).toBe(url);
  });

  it('refuses an origin that config.json did not list', () => {
    const gate = makeTransformRequest({ allowedOrigins: [INTRANET] }, PAGE);
    expect(gate('https://other.intranet/s.json').url.startsWith(`${BLOCKED_PROTOCOL}://`)).toBe(
      true,
    );
  });
});

describe('refuseBlockedRequest()', () => {
  it('fails with a message naming the origin, which blockedOriginOf() recognises', async () => {
    const gate = makeTransformRequest({}, PAGE);
    const request = gate('https://tiles.example/3/6/2.pbf');
    await expect(refuseBlockedRequest(request, new AbortController())).rejects.toThrow(
      'https://tiles.example',
    );
    const message = blockedRequestMessage('https://tiles.example/3/6/2.pbf');
    expect(blockedOriginOf(message)).toBe('https://tiles.example');
    expect(message).toContain('已拦截');
    expect(message).toContain('allowedOrigins');
  });

  it('blockedOriginOf() ignores any other error', () => {
    expect(blockedOriginOf('Failed to fetch')).toBeNull();
  });

  it('blockedRequestMessage() shortens a very long URL', () => {
    const message = blockedRequestMessage(`https://tiles.example/${'a'.repeat(5000)}`);
    expect(message.length).toBeLessThan(400);
  });
});
