/**
 * The size chapter 9's button announces: one LiteRT.js build (glue and WebAssembly, the larger of
 * the two when gzipped) and the model, measured from the files under a public folder. Made-up files
 * in a temporary folder stand in for the real ones, so the expected sums are arithmetic.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/lib/index.ts';
import { blazePoseDownload } from '../../../src/components/server/blazeposeDownload.ts';
import { BLAZEPOSE_MODEL_URL, LITERT_WASM_DIR } from '../../../src/components/figures/blazepose/assets.ts';

/** `n` bytes that do not compress (seeded noise), or that compress well (zeros). */
function bytes(n: number, noisy: boolean): Uint8Array {
  const random = createRandom(n);
  return Uint8Array.from({ length: n }, () => (noisy ? Math.floor(random.uniform(0, 256)) : 0));
}

function folderWith(files: Record<string, Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'subpixel-blazepose-'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  return root;
}

const gz = (data: Uint8Array) => gzipSync(data, { level: 9 }).length;

describe('blazePoseDownload', () => {
  it('adds the larger runtime build (glue + WebAssembly) and the model, on disk and gzipped', () => {
    const files: Record<string, Uint8Array> = {
      [`${LITERT_WASM_DIR}litert_wasm_internal.js`]: bytes(3000, false),
      [`${LITERT_WASM_DIR}litert_wasm_internal.wasm`]: bytes(5000, false),
      [`${LITERT_WASM_DIR}litert_wasm_compat_internal.js`]: bytes(1000, true),
      [`${LITERT_WASM_DIR}litert_wasm_compat_internal.wasm`]: bytes(2000, true),
      [BLAZEPOSE_MODEL_URL]: bytes(4000, true),
    };
    const d = blazePoseDownload(folderWith(files));
    // The compat build is smaller on disk but larger gzipped: it is the one counted.
    const counted = [
      `${LITERT_WASM_DIR}litert_wasm_compat_internal.js`,
      `${LITERT_WASM_DIR}litert_wasm_compat_internal.wasm`,
      BLAZEPOSE_MODEL_URL,
    ];
    expect(d.files).toEqual(
      counted.map((path) => ({ path, bytes: files[path]?.length, gzipBytes: gz(files[path] as Uint8Array) })),
    );
    expect(d.bytes).toBe(1000 + 2000 + 4000);
    expect(d.gzipBytes).toBe(counted.reduce((a, p) => a + gz(files[p] as Uint8Array), 0));
  });

  it('throws when the files have not been copied', () => {
    expect(() => blazePoseDownload(folderWith({}))).toThrow(/ENOENT/);
  });
});
