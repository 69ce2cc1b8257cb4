/**
 * Builds the npm package's files into pkg/ (run by `npm pack` and `npm publish` as `prepack`):
 * the `subpixel` command line and its decode worker, and the library (src/lib) as one ES module
 * with its type declarations. Bundled by esbuild, so the package installs with no dependencies.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'pkg');
rmSync(out, { recursive: true, force: true });

// CommonJS dependencies (yauzl, cli-progress) call require(); an ES module has none of its own.
const requireShim =
  "import { createRequire as __subpixelRequire } from 'node:module';\nconst require = __subpixelRequire(import.meta.url);";
await build({
  entryPoints: {
    subpixel: join(root, 'src/cli/main.ts'),
    'decode-worker': join(root, 'src/cli/decode-worker.ts'),
    lib: join(root, 'src/lib/index.ts'),
  },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: requireShim },
  legalComments: 'none',
  logLevel: 'warning',
});

// The declarations of src/lib, for the package's typed export.
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '--project', join(root, 'tsconfig.package.json')],
  { stdio: 'inherit' },
);

// The sources import './x.ts'; their declarations name './x.js', as published declarations do.
for (const entry of readdirSync(join(out, 'types'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath, entry.name);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/(from '\.{1,2}\/[^']*?)\.ts'/g, "$1.js'"));
}
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
console.error(`pkg/: subpixel ${version}, the command line and the library with its declarations`);
