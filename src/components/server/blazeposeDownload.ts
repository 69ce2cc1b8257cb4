/**
 * What chapter 9's button downloads, measured at build time from the files the site serves
 * (public/blazepose/, copied before the build by scripts/copy-blazepose-assets.ts): one LiteRT.js
 * WebAssembly build with its glue, and the model. Browsers with relaxed SIMD get
 * `litert_wasm_internal`, others `litert_wasm_compat_internal`; the two differ by a few kilobytes,
 * and the larger is counted. LiteRT.js's own JavaScript is bundled with the site's scripts and
 * counted by the size report. Gzip level 9, as a server would compress them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BLAZEPOSE_MODEL_URL, LITERT_WASM_DIR } from '../figures/blazepose/assets.ts';

/** Bytes on disk and gzipped, per file and in total. */
export interface BlazePoseDownload {
  files: { path: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

function measure(publicDir: string, path: string): { path: string; bytes: number; gzipBytes: number } {
  const data = readFileSync(join(publicDir, path));
  return { path, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
}

/** Measures the download; throws when the files are missing (run the copy script, or `npm run build`). */
export function blazePoseDownload(publicDir = 'public'): BlazePoseDownload {
  const builds = ['litert_wasm_internal', 'litert_wasm_compat_internal'].map((name) => [
    measure(publicDir, `${LITERT_WASM_DIR}${name}.js`),
    measure(publicDir, `${LITERT_WASM_DIR}${name}.wasm`),
  ]);
  const total = (files: { gzipBytes: number }[]) => files.reduce((a, f) => a + f.gzipBytes, 0);
  const runtime = builds.reduce((a, b) => (total(b) > total(a) ? b : a));
  const files = [...runtime, measure(publicDir, BLAZEPOSE_MODEL_URL)];
  return {
    files,
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    gzipBytes: total(files),
  };
}
