import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NpyError, parseNpy, writeNpy } from '../../src/lib/index.ts';
import { loadBytes, manifest } from './fixtures.ts';
import { npyFile } from '../npy-file.ts';

function bytesOf(write: (view: DataView) => void, size: number): Uint8Array {
  const out = new Uint8Array(size);
  write(new DataView(out.buffer));
  return out;
}

describe('parseNpy(bytes) reads every dtype and order it promises', () => {
  it('reads every golden fixture with the shape the manifest states', () => {
    for (const c of manifest.heatmapDecoding) {
      const a = parseNpy(loadBytes(c.file));
      expect(a.shape).toEqual(c.shape);
      expect(a.dtype).toBe('<f4');
      expect(a.data.length).toBe(c.shape.reduce((x, y) => x * y, 1));
    }
  });

  it('reads little- and big-endian float32 and float64 to the same values', () => {
    const values = [1.5, -2.25, 3e-3, 1024];
    for (const [descr, size, le] of [
      ['<f4', 4, true],
      ['>f4', 4, false],
      ['<f8', 8, true],
      ['>f8', 8, false],
    ] as const) {
      const payload = bytesOf(
        (v) => values.forEach((x, i) => (size === 4 ? v.setFloat32(i * 4, x, le) : v.setFloat64(i * 8, x, le))),
        size * 4,
      );
      const a = parseNpy(npyFile(`{'descr': '${descr}', 'fortran_order': False, 'shape': (2, 2), }`, payload));
      expect(Array.from(a.data)).toEqual(values.map((x) => (size === 4 ? Math.fround(x) : x)));
    }
  });

  it('reads float16, including subnormals, infinities and NaN', () => {
    // 0x3c00 = 1, 0xc000 = -2, 0x0001 = 2^-24, 0x7c00 = +inf, 0x7e00 = NaN, 0x3555 ≈ 1/3
    const halves = [0x3c00, 0xc000, 0x0001, 0x7c00, 0x7e00, 0x3555];
    const payload = bytesOf((v) => halves.forEach((x, i) => v.setUint16(i * 2, x, true)), 12);
    const a = parseNpy(npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (6,), }", payload));
    expect(Array.from(a.data.slice(0, 4))).toEqual([1, -2, 2 ** -24, Number.POSITIVE_INFINITY]);
    expect(Number.isNaN(a.data[4])).toBe(true);
    expect(a.data[5]).toBeCloseTo(1 / 3, 3);
  });

  it('converts integer and bool dtypes to float', () => {
    const i2 = parseNpy(
      npyFile(
        "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }",
        bytesOf((v) => [-3, 0, 700].forEach((x, i) => v.setInt16(i * 2, x, true)), 6),
      ),
    );
    expect(Array.from(i2.data)).toEqual([-3, 0, 700]);
    const u1 = parseNpy(npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", Uint8Array.of(255, 7)));
    expect(Array.from(u1.data)).toEqual([255, 7]);
    const i8 = parseNpy(
      npyFile(
        "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }",
        bytesOf((v) => v.setBigInt64(0, -5n, true), 8),
      ),
    );
    expect(Array.from(i8.data)).toEqual([-5]);
    const b1 = parseNpy(npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", Uint8Array.of(1, 0)));
    expect(Array.from(b1.data)).toEqual([1, 0]);
  });

  it('transposes Fortran order to C order', () => {
    // A 2×3 matrix [[0, 1, 2], [3, 4, 5]] stored column by column: 0 3 1 4 2 5.
    const payload = bytesOf((v) => [0, 3, 1, 4, 2, 5].forEach((x, i) => v.setFloat32(i * 4, x, true)), 24);
    const a = parseNpy(npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", payload));
    expect(a.fortranOrder).toBe(true);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads version 2 and 3 headers', () => {
    const payload = bytesOf((v) => v.setFloat32(0, 7, true), 4);
    for (const major of [2, 3]) {
      const a = parseNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", payload, major));
      expect(Array.from(a.data)).toEqual([7]);
    }
  });

  it('round-trips writeNpy for float32 and float64, with a 64-byte aligned header', () => {
    const f32 = Float32Array.from({ length: 24 }, (_, i) => i / 7);
    const bytes = writeNpy(f32, [2, 3, 4]);
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    const a = parseNpy(bytes);
    expect(a.shape).toEqual([2, 3, 4]);
    expect(Array.from(a.data)).toEqual(Array.from(f32));
    const f64 = Float64Array.of(Math.PI, -Math.E);
    const b = parseNpy(writeNpy(f64, [2]));
    expect(b.dtype).toBe('<f8');
    expect(Array.from(b.data)).toEqual([Math.PI, -Math.E]);
  });
});

describe('parseNpy(bytes) refuses malformed files with a message that says what is wrong', () => {
  const good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }";
  const payload16 = new Uint8Array(16);
  const cases: [string, Uint8Array, RegExp][] = [
    ['bad magic', new TextEncoder().encode('PK\x03\x04 this is a zip file'), /magic/],
    [
      'unsupported version',
      (() => {
        const f = npyFile(good, payload16);
        f[6] = 9;
        return f;
      })(),
      /version 9/,
    ],
    ['truncated header', npyFile(good, payload16).slice(0, 20), /truncated/],
    ['truncated data', npyFile(good, payload16).slice(0, -3), /truncated data.*needs 16 bytes but only 13/],
    ['trailing bytes', npyFile(good, new Uint8Array(20)), /4 unexpected bytes/],
    [
      'unsupported dtype',
      npyFile("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", payload16),
      /unsupported dtype '<c8'/,
    ],
    [
      'structured dtype',
      npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", payload16),
      /structured/,
    ],
    [
      'negative dimension',
      npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (-2, 2), }", payload16),
      /non-negative/,
    ],
    [
      'absurd shape',
      npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000, 100000), }", payload16),
      /refusing/,
    ],
    ['not a dict', npyFile("('<f4', False)", payload16), /not a dict/],
    ['garbage header', npyFile('{descr: <f4}', payload16), /malformed header/],
  ];
  for (const [what, bytes, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => parseNpy(bytes)).toThrow(NpyError);
      expect(() => parseNpy(bytes)).toThrow(message);
    });
  }

  it('honours a smaller element limit before allocating', () => {
    expect(() => parseNpy(npyFile(good, payload16), { maxElements: 3 })).toThrow(/more than 3 elements/);
  });

  it('never throws anything but NpyError on random bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseNpy(bytes);
        } catch (e) {
          return e instanceof NpyError;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws anything but NpyError on mutated valid files (property)', () => {
    const valid = writeNpy(
      Float32Array.from({ length: 12 }, (_, i) => i),
      [3, 4],
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(valid.length),
        (edits, cut) => {
          const bytes = valid.slice(0, cut || valid.length);
          for (const [i, b] of edits) if (i < bytes.length) bytes[i] = b;
          try {
            parseNpy(bytes);
          } catch (e) {
            return e instanceof NpyError;
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseNpy refuses a hostile header nesting with its own error', () => {
  it('throws NpyError, not RangeError, for a header nested 200,000 deep', () => {
    for (const open of ['[', '(', '{']) {
      const deep = npyFile(open.repeat(200_000), new Uint8Array(), 2);
      let e: unknown;
      try {
        parseNpy(deep);
      } catch (error) {
        e = error;
      }
      expect(e).toBeInstanceOf(NpyError);
      expect((e as Error).message).toMatch(/nested more than 16 deep/);
      // The message quotes the header, but not all 200,000 characters of it.
      expect((e as Error).message.length).toBeLessThan(200);
    }
  });

  it('still reads the nesting NumPy writes (a dict holding a tuple)', () => {
    const a = parseNpy(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), }", new Uint8Array(4)));
    expect(a.shape).toEqual([1, 1]);
  });
});
