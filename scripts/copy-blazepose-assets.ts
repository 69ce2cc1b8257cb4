/**
 * Copies chapter 9's runtime (LiteRT.js's WebAssembly) and model (BlazePose lite) from node_modules
 * into public/blazepose/ (gitignored), at the versioned paths that
 * src/components/figures/blazepose/assets.ts names. Run by npm before `build` and `dev`; fails, with
 * what to do, when an installed package's version differs from the one in assets.ts. Prints each
 * file's size and gzipped size.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BLAZEPOSE_ASSET_ROOT,
  BLAZEPOSE_ASSETS,
  LITERT_VERSION,
  MEDIAPIPE_POSE_VERSION,
} from '../src/components/figures/blazepose/assets.ts';

const modules = 'node_modules';
const publicDir = 'public';

function installedVersion(pkg: string): string {
  const path = join(modules, pkg, 'package.json');
  if (!existsSync(path)) throw new Error(`${pkg} is not installed: run npm install`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

for (const [pkg, wanted] of [
  ['@litertjs/core', LITERT_VERSION],
  ['@mediapipe/pose', MEDIAPIPE_POSE_VERSION],
] as const) {
  const found = installedVersion(pkg);
  if (found !== wanted) {
    console.error(
      `${pkg} ${found} is installed but src/components/figures/blazepose/assets.ts names ${wanted}: update the version there (the served paths carry it).`,
    );
    process.exit(1);
  }
}

// A fresh folder: files of an older version must not linger and be served or sized.
const root = join(publicDir, BLAZEPOSE_ASSET_ROOT);
rmSync(root, { recursive: true, force: true });
let total = 0;
let totalGz = 0;
for (const { from, to } of BLAZEPOSE_ASSETS) {
  const source = join(modules, from);
  const target = join(publicDir, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  const bytes = statSync(target).size;
  const gz = gzipSync(readFileSync(target), { level: 9 }).length;
  total += bytes;
  totalGz += gz;
  console.log(`${to}: ${(bytes / 1e6).toFixed(2)} MB, ${(gz / 1e6).toFixed(2)} MB gzipped`);
}
console.log(`public${BLAZEPOSE_ASSET_ROOT}: ${(total / 1e6).toFixed(1)} MB, ${(totalGz / 1e6).toFixed(1)} MB gzipped`);
