/**
 * The public API of src/lib: the names other code relies on exist, and every export carries
 * JSDoc (shapes, units, the paper), as docs/style.md asks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/lib/index.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && name !== 'index.ts' ? [path] : [];
  });
}

describe('src/lib/index.ts', () => {
  it('exports the stable public names as functions', () => {
    for (const name of [
      'encodeBiased',
      'encodeUnbiased',
      'decodeArgmax',
      'decodeQuarter',
      'decodeDark',
      'parseNpy',
    ] as const) {
      expect(typeof lib[name], name).toBe('function');
    }
  });

  it('decodes a stack { data, k, h, w } into points { x, y, score }', () => {
    const map = lib.encodeUnbiased({ x: 10.3, y: 7.6 }, 24, 32, 2);
    const stack = { data: map.data, k: 1, h: 32, w: 24 };
    for (const decode of [lib.decodeArgmax, lib.decodeQuarter, (s: typeof stack) => lib.decodeDark(s, 11)]) {
      const [p] = decode(stack);
      expect(Object.keys(p!).sort()).toEqual(['score', 'x', 'y']);
    }
  });

  it('every export of src/lib has a JSDoc comment', () => {
    const missing: string[] = [];
    for (const file of sources('src/lib')) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!/^export (async )?(function|const|class|interface|type|let) /.test(line)) return;
        // Walk up over decorators and blank-free attributes to the line before.
        const before = lines[i - 1]?.trim() ?? '';
        if (!before.endsWith('*/')) missing.push(`${file}:${i + 1} ${line.slice(0, 70)}`);
      });
    }
    expect(missing).toEqual([]);
  });
});
