import { expect, test } from './fixtures';

/**
 * Issue 12: maplibre draws its sky over the whole canvas in every frame; this map is never
 * pitched, so that pass draws nothing and only costs time (40 % of a frame under software
 * WebGL). `skipSkyPass` (early-map.ts) reaches into maplibre's painter to drop it. Watched here at
 * the WebGL level, through the shader maplibre compiles for the sky, so the test fails if a
 * maplibre upgrade draws the sky again in a way the override misses.
 */
test('the Atlas map draws its frames without maplibre’s sky pass', async ({ page }) => {
  await page.addInitScript(() => {
    const log = { skyUses: 0, mapFrames: 0 };
    (window as unknown as { __sky: typeof log }).__sky = log;
    const skyShaders = new WeakSet<WebGLShader>();
    const skyPrograms = new WeakSet<WebGLProgram>();
    const gl = WebGL2RenderingContext.prototype;
    const shaderSource = gl.shaderSource;
    gl.shaderSource = function (this: WebGL2RenderingContext, shader, source) {
      if (source.includes('u_sky_color')) skyShaders.add(shader);
      return shaderSource.call(this, shader, source);
    };
    const attachShader = gl.attachShader;
    gl.attachShader = function (this: WebGL2RenderingContext, program, shader) {
      if (skyShaders.has(shader)) skyPrograms.add(program);
      return attachShader.call(this, program, shader);
    };
    const useProgram = gl.useProgram;
    gl.useProgram = function (this: WebGL2RenderingContext, program) {
      if (program && skyPrograms.has(program)) log.skyUses++;
      return useProgram.call(this, program);
    };
    const clear = gl.clear;
    gl.clear = function (this: WebGL2RenderingContext, mask) {
      if ((this.canvas as HTMLCanvasElement).closest?.('[data-testid="map"]')) log.mapFrames++;
      return clear.call(this, mask);
    };
  });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?view=atlas&chain=nev');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  // A move and a selection: frames drawn at other zooms and with other layers shown.
  await page.locator('[data-testid="link-list"] [data-link="nev.cell"]').first().click();
  await expect(map).toHaveAttribute('data-ready', 'true');
  await expect(map).toHaveAttribute('data-labels', 'placed');
  const log = await page.evaluate(
    () => (window as unknown as { __sky: { skyUses: number; mapFrames: number } }).__sky,
  );
  expect(log.mapFrames).toBeGreaterThan(3);
  expect(log.skyUses).toBe(0);
});
