import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listNpz, NpzError, parseNpz, writeNpy, writeNpz } from '../../src/lib/index.ts';
import { npyFile } from '../npy-file.ts';

const fixture = (name: string): Uint8Array => readFileSync(resolve(__dirname, '../fixtures/npz', name));

/** The error a call throws (fails the test when it throws nothing). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

/** Little-endian helpers to patch zip headers by hand. */
const u32 = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);
const setU32 = (bytes: Uint8Array, at: number, v: number): void =>
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, v, true);

/** Offsets of every record with the given signature. */
function signatures(bytes: Uint8Array, signature: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (u32(bytes, i) === signature) out.push(i);
  return out;
}

describe('parseNpz reads what NumPy writes', () => {
  for (const version of ['numpy1', 'numpy2']) {
    it(`reads np.savez (stored, ZIP64 extras) from ${version}, by name`, () => {
      const archive = parseNpz(fixture(`savez-${version}.npz`));
      expect(archive.entries.map((e) => [e.name, e.compression])).toEqual([
        ['simcc_x', 'stored'],
        ['simcc_y', 'stored'],
      ]);
      expect(archive.arrays.simcc_x!.shape).toEqual([2, 3, 4]);
      expect(Array.from(archive.arrays.simcc_x!.data)).toEqual(Array.from({ length: 24 }, (_, i) => i));
      expect(archive.arrays.simcc_y!.dtype).toBe('<f8');
      // np.linspace(0, 1, 10) computes i · (1/9).
      expect(Array.from(archive.arrays.simcc_y!.data)).toEqual(Array.from({ length: 10 }, (_, i) => i * (1 / 9)));
    });

    it(`reads np.savez_compressed (deflated) from ${version}, positional names arr_0, arr_1`, () => {
      const archive = parseNpz(fixture(`savez_compressed-${version}.npz`), { names: ['arr_1'] });
      expect(archive.entries.map((e) => [e.name, e.compression])).toEqual([
        ['arr_0', 'deflated'],
        ['arr_1', 'deflated'],
      ]);
      expect(Object.keys(archive.arrays)).toEqual(['arr_1']);
      expect(archive.arrays.arr_1!.shape).toEqual([10]);
      expect(archive.arrays.arr_1!.data[9]).toBe(1);
    });
  }

  it('lists members with their declared sizes without inflating', () => {
    const entries = listNpz(fixture('savez_compressed-numpy1.npz'));
    expect(entries.map((e) => [e.file, e.npy])).toEqual([
      ['arr_0.npy', true],
      ['arr_1.npy', true],
    ]);
    // A .npy of 24 float32 values with a 128-byte header: 128 + 96 bytes.
    expect(entries[0]!.bytes).toBe(128 + 96);
    expect(entries[0]!.compressedBytes).toBeLessThan(entries[0]!.bytes);
  });

  it('round-trips writeNpz, deflated and stored', () => {
    const a = Float32Array.from({ length: 12 }, (_, i) => i / 3);
    const b = Float64Array.of(Math.PI);
    for (const compress of [true, false]) {
      const archive = parseNpz(writeNpz({ a: { data: a, shape: [3, 4] }, b: { data: b, shape: [1] } }, { compress }));
      expect(archive.entries.map((e) => e.compression)).toEqual(
        compress ? ['deflated', 'deflated'] : ['stored', 'stored'],
      );
      expect(Array.from(archive.arrays.a!.data)).toEqual(Array.from(a));
      expect(archive.arrays.b!.data[0]).toBe(Math.PI);
    }
  });
});

describe('parseNpz refuses what it cannot read, with its own error and a message that says why', () => {
  const good = writeNpz({ x: { data: new Float32Array(6), shape: [2, 3] } });

  it('refuses a file that is not a zip', () => {
    const e = thrown(() => parseNpz(writeNpy(new Float32Array(4), [4])));
    expect(e).toBeInstanceOf(NpzError);
    expect(e.message).toMatch(/does not start like a zip/);
  });

  it('refuses an unknown name and lists the names it holds', () => {
    const e = thrown(() => parseNpz(good, { names: ['simcc_x'] }));
    expect(e).toBeInstanceOf(NpzError);
    expect(e.message).toBe("the archive has no array named 'simcc_x' (it holds x)");
  });

  it('refuses a member that is not a .npy file when asked for it, and lists it', () => {
    const zip = zipSync({
      'notes.txt': new TextEncoder().encode('hello'),
      'x.npy': writeNpy(new Float32Array(1), [1]),
    });
    expect(listNpz(zip).map((e) => [e.name, e.npy])).toEqual([
      ['notes.txt', false],
      ['x', true],
    ]);
    expect(Object.keys(parseNpz(zip).arrays)).toEqual(['x']);
    expect(thrown(() => parseNpz(zip, { names: ['notes.txt'] })).message).toMatch(/not a \.npy file/);
  });

  it('checks the member count, each declared size and the total before inflating', () => {
    const three = writeNpz({
      a: { data: new Float32Array(100), shape: [100] },
      b: { data: new Float32Array(100), shape: [100] },
      c: { data: new Float32Array(100), shape: [100] },
    });
    expect(thrown(() => parseNpz(three, { maxEntries: 2 })).message).toMatch(/more than 2 members/);
    expect(thrown(() => parseNpz(three, { maxEntryBytes: 300 })).message).toMatch(/member a\.npy declares/);
    expect(thrown(() => parseNpz(three, { maxTotalBytes: 1000 })).message).toMatch(/more than 0\.0 MiB/);
    // Asking for one array only counts that one against the total.
    expect(Object.keys(parseNpz(three, { maxTotalBytes: 1000, names: ['b'] }).arrays)).toEqual(['b']);
  });

  it('passes the element limit to parseNpy and names the array in its message', () => {
    const e = thrown(() => parseNpz(good, { maxElements: 5 }));
    expect(e).toBeInstanceOf(NpzError);
    expect(e.message).toMatch(/^array 'x': shape \(2, 3\) has more than 5 elements/);
  });

  it('stops a member that inflates past its declared size (a zip bomb) after one step', () => {
    // 4 MiB of zeros deflates to a few KiB; declare 1,000 bytes in both headers.
    const zeros = writeNpy(new Float32Array(2 ** 20), [2 ** 20]);
    const zip = zipSync({ 'x.npy': [zeros, { level: 9 }] });
    for (const local of signatures(zip, 0x04034b50)) setU32(zip, local + 22, 1000);
    for (const central of signatures(zip, 0x02014b50)) setU32(zip, central + 24, 1000);
    const e = thrown(() => parseNpz(zip));
    expect(e).toBeInstanceOf(NpzError);
    expect(e.message).toMatch(/inflates past the 1000 bytes the archive declares/);
  });

  it('refuses a member whose data is shorter than declared', () => {
    const zip = zipSync({ 'x.npy': [writeNpy(new Float32Array(64), [64]), { level: 0 }] });
    for (const local of signatures(zip, 0x04034b50)) setU32(zip, local + 22, 10_000);
    for (const central of signatures(zip, 0x02014b50)) setU32(zip, central + 24, 10_000);
    expect(thrown(() => parseNpz(zip))).toBeInstanceOf(NpzError);
  });

  it('refuses a member whose .npy header is nested 200,000 deep, as an NpzError', () => {
    const deep = npyFile(`${'['.repeat(200_000)}${']'.repeat(200_000)}`, new Uint8Array(), 2);
    const e = thrown(() => parseNpz(zipSync({ 'x.npy': deep })));
    expect(e).toBeInstanceOf(NpzError);
    expect(e.message).toMatch(/^array 'x': malformed header: containers nested more than 16 deep/);
  });

  it('never throws anything but NpzError on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          parseNpz(bytes);
        } catch (e) {
          return e instanceof NpzError;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but NpzError on mutated valid archives, stored or deflated (property)', () => {
    const values = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const archives = [true, false].map((compress) =>
      writeNpz({ a: { data: values, shape: [4, 10] }, b: { data: values, shape: [40] } }, { compress }),
    );
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.array(fc.tuple(fc.nat(4096), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(4096),
        (which, edits, cut) => {
          const valid = archives[which]!;
          const bytes = valid.slice(0, cut % (valid.length + 1) || valid.length);
          for (const [i, b] of edits) bytes[i % bytes.length] = b;
          try {
            parseNpz(bytes);
          } catch (e) {
            return e instanceof NpzError;
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
