/**
 * NumPy `.npy` files, read and written. Format: the magic string `\x93NUMPY`, a version
 * (1.0, 2.0 or 3.0), a little-endian header length (2 bytes in v1, 4 in v2 and v3), then a
 * Python dict literal with `descr`, `fortran_order` and `shape`, then the raw data.
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 *
 * Parsing never trusts the file: every length is checked against the bytes present before
 * anything is allocated, and a size limit refuses absurd shapes.
 */

/** Raised for every malformed or unsupported `.npy` file; the message says what is wrong. */
export class NpyError extends Error {
  override name = 'NpyError';
}

/** A parsed array, always in C (row-major) order whatever the file's order. */
export interface NpyArray {
  shape: number[];
  /** The file's dtype descriptor, such as `<f4` or `>f8`. */
  dtype: string;
  /** Whether the file stored the data in Fortran (column-major) order. */
  fortranOrder: boolean;
  /** Float64Array for 64-bit and 32-bit-integer types, Float32Array otherwise. */
  data: Float32Array | Float64Array;
}

/** Limits applied while parsing. */
export interface ParseNpyOptions {
  /** Refuse arrays with more elements than this (default 2^26, 256 MiB as float32). */
  maxElements?: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const DEFAULT_MAX_ELEMENTS = 2 ** 26;
const MAX_HEADER_BYTES = 1 << 20;
/** NumPy's headers nest two deep (a dict holding a tuple); anything past this is hostile. */
const MAX_HEADER_DEPTH = 16;

interface DtypeInfo {
  size: number;
  littleEndian: boolean;
  wide: boolean;
  read: (view: DataView, offset: number, littleEndian: boolean) => number;
}

function float16(view: DataView, offset: number, littleEndian: boolean): number {
  const bits = view.getUint16(offset, littleEndian);
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

const READERS: Record<string, Omit<DtypeInfo, 'littleEndian'>> = {
  f2: { size: 2, wide: false, read: float16 },
  f4: { size: 4, wide: false, read: (v, o, le) => v.getFloat32(o, le) },
  f8: { size: 8, wide: true, read: (v, o, le) => v.getFloat64(o, le) },
  i1: { size: 1, wide: false, read: (v, o) => v.getInt8(o) },
  u1: { size: 1, wide: false, read: (v, o) => v.getUint8(o) },
  b1: { size: 1, wide: false, read: (v, o) => (v.getUint8(o) ? 1 : 0) },
  i2: { size: 2, wide: false, read: (v, o, le) => v.getInt16(o, le) },
  u2: { size: 2, wide: false, read: (v, o, le) => v.getUint16(o, le) },
  i4: { size: 4, wide: true, read: (v, o, le) => v.getInt32(o, le) },
  u4: { size: 4, wide: true, read: (v, o, le) => v.getUint32(o, le) },
  i8: { size: 8, wide: true, read: (v, o, le) => Number(v.getBigInt64(o, le)) },
  u8: { size: 8, wide: true, read: (v, o, le) => Number(v.getBigUint64(o, le)) },
};

function dtypeInfo(descr: string): DtypeInfo {
  const match = /^([<>|=]?)([a-z]\d+)$/.exec(descr);
  const reader = match ? READERS[match[2] as string] : undefined;
  if (!match || !reader) {
    throw new NpyError(
      `unsupported dtype '${descr}': expected a float (f2, f4, f8), integer (i1–i8, u1–u8) or bool (b1) type`,
    );
  }
  // '=' is native order; every platform that runs this site is little-endian.
  return { ...reader, littleEndian: match[1] !== '>' };
}

type HeaderValue = string | boolean | number | HeaderValue[] | { [key: string]: HeaderValue };

/**
 * A small recursive-descent reader for the Python literal subset NumPy writes. Nesting is
 * bounded (MAX_HEADER_DEPTH) so that a hostile header cannot exhaust the call stack.
 */
function parseHeaderLiteral(text: string): HeaderValue {
  let i = 0;
  let depth = 0;
  const fail = (what: string): never => {
    const shown = text.trim();
    const quoted = shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
    throw new NpyError(`malformed header: ${what} at character ${i} of "${quoted}"`);
  };
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const value = (): HeaderValue => {
    skip();
    const c = text[i];
    if ((c === '{' || c === '(' || c === '[') && ++depth > MAX_HEADER_DEPTH) {
      fail(`containers nested more than ${MAX_HEADER_DEPTH} deep`);
    }
    if (c === '{') {
      i++;
      const dict: Record<string, HeaderValue> = {};
      for (;;) {
        skip();
        if (text[i] === '}') break;
        const key = value();
        if (typeof key !== 'string') fail('a dict key that is not a string');
        skip();
        if (text[i] !== ':') fail("a missing ':'");
        i++;
        dict[key as string] = value();
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail("a missing ',' or '}'");
      }
      i++;
      depth--;
      return dict;
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: HeaderValue[] = [];
      for (;;) {
        skip();
        if (text[i] === close) break;
        items.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== close) fail(`a missing ',' or '${close}'`);
      }
      i++;
      depth--;
      return items;
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) fail('an unterminated string');
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const word = /^(True|False|-?\d+L?)/.exec(text.slice(i));
    if (!word) return fail('an unexpected character');
    i += (word[0] as string).length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    return Number.parseInt(word[0] as string, 10);
  };
  const result = value();
  skip();
  if (i !== text.length) fail('trailing characters');
  return result;
}

/** A `.npy` file's header, read before its data. */
export interface NpyHeader {
  shape: number[];
  dtype: string;
  fortranOrder: boolean;
  /** Where the data begins, in bytes from the start of the file. */
  dataStart: number;
  /** Elements (the shape's product) and bytes per element. */
  count: number;
  itemSize: number;
}

/**
 * Reads a `.npy` header from the first bytes of a file: the header, or undefined when `bytes` end
 * before it does (read more and call again). Throws {@link NpyError} on a malformed header, an
 * unsupported dtype or more than `maxElements` elements. A file read in pieces (a stream) starts
 * here, then converts its data a piece at a time with {@link npyValues}.
 */
export function readNpyHeader(bytes: Uint8Array, options: ParseNpyOptions = {}): NpyHeader | undefined {
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const magic = Math.min(bytes.length, MAGIC.length);
  if (MAGIC.slice(0, magic).some((b, j) => bytes[j] !== b)) {
    throw new NpyError('not a .npy file: it does not start with the magic string \\x93NUMPY');
  }
  if (bytes.length < 8) return undefined;
  const major = bytes[6] as number;
  if (major < 1 || major > 3) {
    throw new NpyError(`unsupported .npy version ${major}.${bytes[7]}: expected 1.0, 2.0 or 3.0`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) return undefined;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (headerLength > MAX_HEADER_BYTES) {
    throw new NpyError(`header of ${headerLength} bytes is too long (at most ${MAX_HEADER_BYTES})`);
  }
  if (dataStart > bytes.length) return undefined;
  const headerBytes = bytes.subarray(8 + lengthBytes, dataStart);
  const headerText = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(headerBytes);
  const header = parseHeaderLiteral(headerText);
  if (typeof header !== 'object' || Array.isArray(header)) {
    throw new NpyError('malformed header: it is not a dict');
  }
  const { descr, fortran_order: fortranOrder, shape } = header;
  if (typeof descr !== 'string') {
    throw new NpyError('malformed header: descr is missing or is a structured dtype (not supported)');
  }
  if (typeof fortranOrder !== 'boolean') throw new NpyError('malformed header: fortran_order is missing');
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw new NpyError('malformed header: shape must be a tuple of non-negative integers');
  }
  const dims = shape as number[];
  const info = dtypeInfo(descr);
  let count = 1;
  for (const d of dims) {
    count *= d;
    if (count > maxElements) {
      throw new NpyError(
        `shape (${dims.join(', ')}) has more than ${maxElements.toLocaleString('en')} elements; refusing to load it`,
      );
    }
  }
  return { shape: dims, dtype: descr, fortranOrder, dataStart, count, itemSize: info.size };
}

/**
 * Converts whole elements of a `.npy` file's data (C order) of dtype `dtype` to floats: Float64Array
 * for 64-bit and 32-bit-integer types, Float32Array otherwise (as {@link parseNpy}). Little-endian
 * float32 bytes that fill a buffer of their own are viewed, not copied: the result shares them.
 */
export function npyValues(bytes: Uint8Array, dtype: string): Float32Array | Float64Array {
  const info = dtypeInfo(dtype);
  const count = Math.floor(bytes.length / info.size);
  if (dtype === '<f4' || dtype === '=f4') {
    // Bytes that are a whole buffer of their own are viewed as they are (a stream's chunk).
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.length === count * 4) {
      return new Float32Array(bytes.buffer as ArrayBuffer, 0, count);
    }
    // Otherwise a copy, aligned (a Node Buffer's slice would share its pool).
    const copy = new Uint8Array(count * 4);
    copy.set(bytes.subarray(0, count * 4));
    return new Float32Array(copy.buffer);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = info.wide ? new Float64Array(count) : new Float32Array(count);
  for (let j = 0; j < count; j++) data[j] = info.read(view, j * info.size, info.littleEndian);
  return data;
}

/**
 * Parses a `.npy` file. Integer and bool dtypes are converted to float; Fortran-ordered data
 * is transposed to C order. Throws {@link NpyError} (and nothing else) on malformed input.
 */
export function parseNpy(input: ArrayBuffer | Uint8Array, options: ParseNpyOptions = {}): NpyArray {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length < 10 || MAGIC.some((b, j) => bytes[j] !== b)) {
    throw new NpyError('not a .npy file: it does not start with the magic string \\x93NUMPY');
  }
  const header = readNpyHeader(bytes, options);
  if (!header) {
    const major = bytes[6] as number;
    const lengthBytes = major === 1 ? 2 : 4;
    if (bytes.length < 8 + lengthBytes) throw new NpyError('truncated file: the header length is missing');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
    throw new NpyError(
      `truncated file: the header says it is ${headerLength} bytes long but only ${bytes.length - 8 - lengthBytes} follow`,
    );
  }
  const { shape: dims, dtype: descr, fortranOrder, dataStart, count } = header;
  const info = dtypeInfo(descr);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const expectedBytes = count * info.size;
  const present = bytes.length - dataStart;
  if (present < expectedBytes) {
    throw new NpyError(
      `truncated data: shape (${dims.join(', ')}) of ${descr} needs ${expectedBytes} bytes but only ${present} are present`,
    );
  }
  if (present > expectedBytes) {
    throw new NpyError(
      `${present - expectedBytes} unexpected bytes after the data: shape (${dims.join(', ')}) of ${descr} needs ${expectedBytes}`,
    );
  }
  if (!fortranOrder || dims.length < 2)
    return { shape: dims, dtype: descr, fortranOrder, data: npyValues(bytes.subarray(dataStart), descr) };
  const data = info.wide ? new Float64Array(count) : new Float32Array(count);
  // Fortran order: the first index varies fastest in the file.
  const strides = new Array<number>(dims.length);
  let stride = 1;
  for (let a = dims.length - 1; a >= 0; a--) {
    strides[a] = stride;
    stride *= dims[a] as number;
  }
  const index = new Array<number>(dims.length).fill(0);
  for (let j = 0; j < count; j++) {
    let target = 0;
    for (let a = 0; a < dims.length; a++) target += (index[a] as number) * (strides[a] as number);
    data[target] = info.read(view, dataStart + j * info.size, info.littleEndian);
    for (let a = 0; a < dims.length; a++) {
      index[a] = (index[a] as number) + 1;
      if ((index[a] as number) < (dims[a] as number)) break;
      index[a] = 0;
    }
  }
  return { shape: dims, dtype: descr, fortranOrder, data };
}

/**
 * The header of a C-order `.npy` (version 1.0) of `descr` (`<f4`, `<f8`) and `shape`, padded so
 * that the data starts on a 64-byte boundary, as NumPy does. A file written in pieces (a stream)
 * starts with it; {@link writeNpy} writes a whole file.
 */
export function npyHeaderBytes(descr: '<f4' | '<f8', shape: readonly number[]): Uint8Array {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${tuple}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let j = 0; j < header.length; j++) out[10 + j] = header.charCodeAt(j);
  return out;
}

/**
 * Writes a C-order `.npy` (version 1.0): `<f4` for a Float32Array, `<f8` for a Float64Array.
 * The header is padded so that the data starts on a 64-byte boundary, as NumPy does.
 */
export function writeNpy(data: Float32Array | Float64Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new NpyError(`shape (${shape.join(', ')}) holds ${count} values but the data has ${data.length}`);
  }
  const wide = data instanceof Float64Array;
  const header = npyHeaderBytes(wide ? '<f8' : '<f4', shape);
  const out = new Uint8Array(header.length + data.byteLength);
  out.set(header, 0);
  const view = new DataView(out.buffer, header.length);
  for (let j = 0; j < data.length; j++) {
    if (wide) view.setFloat64(j * 8, data[j] as number, true);
    else view.setFloat32(j * 4, data[j] as number, true);
  }
  return out;
}
