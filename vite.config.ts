import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The built app's Content-Security-Policy: scripts, styles, fonts, data and workers only from the
 * app's own origin; no eval, no inline script or style markup, no plugins, no other host at all
 * (the app works offline). `blob:` is allowed for workers and images because maplibre may start its
 * worker from a blob and exports build PNG/CSV/XLSX downloads as blobs. Dev keeps Vite's HMR.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The CSP as the first element of `<head>`, on a line of its own and with plain quotes, so that a
 * deployer can read and edit it in `dist/index.html` (README: "Deploy on an intranet").
 */
function withContentSecurityPolicy(html: string, policy = CONTENT_SECURITY_POLICY): string {
  if (policy.includes('"')) throw new Error('the CSP must not contain a double quote');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('index.html has no <head>');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'chainatlas-csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withContentSecurityPolicy(html) },
  };
}

/**
 * Every script the build emits ends in `.js`: a static server that has no MIME mapping for `.mjs`
 * (IIS by default, many file-share front ends) sends it as `application/octet-stream`, and the
 * browser refuses to start a worker from that, leaving the map blank. maplibre ships its worker as
 * `maplibre-gl-worker.mjs` (imported with `?url`, so emitted as an asset): it is named `.js` here.
 */
function assetFileName(asset: { names: readonly string[] }): string {
  const name = asset.names[0] ?? '';
  return /\.m?js$/i.test(name) ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]';
}

/** Fails the build if a `.mjs` file would still be emitted (a new dependency, a changed option). */
function noMjsOutput(): Plugin {
  return {
    name: 'chainatlas-no-mjs',
    apply: 'build',
    generateBundle(_options, bundle) {
      const mjs = Object.keys(bundle).filter((file) => /\.mjs$/i.test(file));
      if (mjs.length > 0) {
        this.error(
          `emitted .mjs files (some servers send them with a non-JavaScript type): ${mjs.join(', ')}`,
        );
      }
    },
  };
}

export default defineConfig({
  // Relative base: the built app works from any static server and under any sub-path.
  base: './',
  publicDir: 'static',
  plugins: [svelte(), contentSecurityPolicy(), noMjsOutput()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      output: {
        assetFileNames: assetFileName,
        // zod and the app's zod configuration in one chunk: every chunk that can parse imports it,
        // so `jitless` is set before any parse wherever the code is split (a parse before it
        // would probe `new Function`, which the CSP refuses).
        advancedChunks: {
          groups: [{ name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]zod-config/ }],
        },
      },
    },
  },
  worker: {
    format: 'es',
    plugins: () => [noMjsOutput()],
    rolldownOptions: { output: { assetFileNames: assetFileName } },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'data/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
