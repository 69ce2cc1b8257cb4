/**
 * The npm package as a user gets it: `npm pack` (which builds pkg/ by `prepack`), the tarball
 * installed offline into an empty folder, then its `subpixel` command run there and its library
 * imported from JavaScript and type-checked from TypeScript. The package has no dependencies (its
 * files are bundled), so the install needs no registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/usage.ts';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'subpixel-pack-'));
const app = join(dir, 'app');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; files: string[] };

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], root)) as {
    filename: string;
    files: { path: string }[];
  }[];
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  npm(['install', '--offline', join(dir, packed[0]!.filename)], app);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed npm package', () => {
  it('installs with no dependencies and runs subpixel there', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/subpixel']);
    const bin = join(app, 'node_modules/.bin/subpixel');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(manifest.version);
    const run = spawnSync(
      bin,
      ['decode', join(root, 'public/lab/sample.npy'), '--gt', join(root, 'public/lab/sample-truth.json'), '--json'],
      { encoding: 'utf8', cwd: app },
    );
    expect(run.status, run.stderr).toBe(0);
    const fromSource = spawnSync(
      process.execPath,
      [
        join(root, 'src/cli/main.ts'),
        'decode',
        join(root, 'public/lab/sample.npy'),
        '--gt',
        join(root, 'public/lab/sample-truth.json'),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(fromSource.stdout));
  });

  it('holds only the built files, and its version is the command line’s', () => {
    expect(manifest.files).toEqual(['pkg/']);
    expect(VERSION).toBe(manifest.version);
  });

  it('exports the library, typed, to JavaScript and TypeScript', () => {
    const script = join(app, 'use.ts');
    writeFileSync(
      script,
      [
        "import { cocoEvaluate, decodeDark, encodeUnbiased, type CocoEvalStats } from 'subpixel';",
        'const map = encodeUnbiased({ x: 10.3, y: 7.6 }, 24, 32, 2);',
        'const [p] = decodeDark({ data: map.data, k: 1, h: 32, w: 24 }, 11);',
        'const stats: CocoEvalStats | undefined = undefined;',
        'console.log(JSON.stringify({ x: p!.x, y: p!.y, evaluate: typeof cocoEvaluate, stats }));',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          allowImportingTsExtensions: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['use.ts'],
      }),
    );
    const check = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], {
      encoding: 'utf8',
    });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    const out = JSON.parse(execFileSync(process.execPath, [script], { cwd: app, encoding: 'utf8' })) as {
      x: number;
      y: number;
      evaluate: string;
    };
    expect(out.evaluate).toBe('function');
    expect(Math.abs(out.x - 10.3)).toBeLessThan(0.05);
    expect(Math.abs(out.y - 7.6)).toBeLessThan(0.05);
  });
});
