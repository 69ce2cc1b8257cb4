/**
 * NumPy arrays of any size, read as streams of whole samples: a `.npy` file, or one member of a
 * `.npz` archive (found through the archive's central directory by yauzl and inflated as it is
 * read). Memory holds one chunk at a time, whatever the file's size. The header is read by the
 * library (`readNpyHeader`), the values converted by it (`npyValues`).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { NpyError, npyValues, readNpyHeader, type NpyHeader } from '../lib/npy.ts';
import { UserError } from './errors.ts';

/** The largest header the reader waits for before giving up (NumPy's are a few hundred bytes). */
const MAX_HEADER = 1 << 20;

/** Where an array is: a file, or a member of a `.npz` file. */
export interface ArrayPlace {
  path: string;
  /** The member's name without `.npy`, for a `.npz`. */
  member?: string;
}

/** The place as messages name it: `a.npz:heatmaps` or `a.npy`. */
export const placeName = (p: ArrayPlace): string => (p.member ? `${p.path}:${p.member}` : p.path);

/** A `.npz` archive's central directory (yauzl), entry by entry; the caller closes it. */
async function openZip(path: string): Promise<{ zip: yauzl.ZipFile; entries: AsyncGenerator<yauzl.Entry> }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, z) =>
      error ? reject(new UserError(`${path}: ${readError(error)}`)) : resolve(z),
    ),
  );
  async function* entries(): AsyncGenerator<yauzl.Entry> {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        const cleanup = () => zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
        zip.once('entry', (e: yauzl.Entry) => (cleanup(), resolve(e)));
        zip.once('end', () => (cleanup(), resolve(undefined)));
        zip.once(
          'error',
          (error: Error) => (cleanup(), reject(new UserError(`${path}: a broken zip directory (${error.message})`))),
        );
        zip.readEntry();
      });
      if (!entry) return;
      yield entry;
    }
  }
  return { zip, entries: entries() };
}

/** The `.npy` members of a `.npz` file, by name (without `.npy`). */
export async function npzMembers(path: string): Promise<string[]> {
  const { zip, entries } = await openZip(path);
  try {
    const names: string[] = [];
    for await (const e of entries) if (e.fileName.endsWith('.npy')) names.push(e.fileName.slice(0, -4));
    return names;
  } finally {
    zip.close();
  }
}

/** The bytes of a file, or of a `.npz` member inflated (yauzl checks its size and CRC as it reads). */
async function openBytes(place: ArrayPlace): Promise<{ bytes: Bytes; failed: Promise<never>; release: () => void }> {
  const never = new Promise<never>(() => {});
  if (!place.member) {
    const file = await open(place.path, 'r').catch((error: Error) => {
      throw new UserError(`${place.path}: ${readError(error)}`);
    });
    const bytes = new FileBytes(file);
    return { bytes, failed: never, release: () => bytes.close() };
  }
  const { zip, entries } = await openZip(place.path);
  try {
    const names: string[] = [];
    for await (const entry of entries) {
      if (!entry.fileName.endsWith('.npy')) continue;
      names.push(entry.fileName.slice(0, -4));
      if (entry.fileName !== `${place.member}.npy`) continue;
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, s) =>
          error ? reject(new UserError(`${placeName(place)}: cannot be read (${error.message})`)) : resolve(s),
        ),
      );
      const failed = new Promise<never>((_, reject) =>
        stream.once('error', (error: Error) => reject(new UserError(`${placeName(place)}: ${readError(error)}`))),
      );
      failed.catch(() => {});
      return {
        bytes: new StreamBytes(stream),
        failed,
        release: () => {
          stream.destroy();
          zip.close();
        },
      };
    }
    throw new UserError(
      `${place.path}: no array named ${place.member} (it holds ${names.join(', ') || 'no .npy member'})`,
    );
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** An array's bytes, taken in exact amounts: peeked at for the header, then taken a chunk at a time. */
interface Bytes {
  /** Bytes taken so far. */
  offset: number;
  /** Makes `n` bytes (fewer at the end) ready to peek at; how many are. */
  fill(n: number): Promise<number>;
  peek(n: number): Uint8Array;
  /** Takes exactly `n` bytes, into `into` when given (its first n bytes), or undefined if the data ends first. */
  take(n: number, into?: Buffer): Promise<Uint8Array | undefined>;
  /** Whether bytes remain after everything taken. */
  more(): Promise<boolean>;
  close(): void;
}

/** A file's bytes, read where they are (no stream, no copy between buffers). */
class FileBytes implements Bytes {
  offset = 0;
  private head = Buffer.alloc(0);
  private readonly file: FileHandle;

  constructor(file: FileHandle) {
    this.file = file;
  }

  async fill(n: number): Promise<number> {
    if (this.head.length < n) {
      const buffer = Buffer.allocUnsafe(n);
      const { bytesRead } = await this.file.read(buffer, 0, n, this.offset);
      this.head = buffer.subarray(0, bytesRead);
    }
    return Math.min(n, this.head.length);
  }

  peek(n: number): Uint8Array {
    return this.head.subarray(0, n);
  }

  async take(n: number, into?: Buffer): Promise<Uint8Array | undefined> {
    // A buffer of its own (not Node's pool, not zeroed first): its values are viewed, then moved to a worker.
    const out = into && into.length >= n ? into.subarray(0, n) : Buffer.allocUnsafeSlow(n);
    let filled = 0;
    while (filled < n) {
      const { bytesRead } = await this.file.read(out, filled, n - filled, this.offset + filled);
      if (bytesRead === 0) return undefined;
      filled += bytesRead;
    }
    this.offset += n;
    this.head = Buffer.alloc(0);
    return out;
  }

  async more(): Promise<boolean> {
    const { bytesRead } = await this.file.read(Buffer.alloc(1), 0, 1, this.offset);
    return bytesRead > 0;
  }

  close(): void {
    void this.file.close().catch(() => {});
  }
}

/** Bytes taken from a stream (a `.npz` member, inflating) in exact amounts. */
class StreamBytes implements Bytes {
  private readonly pieces: Buffer[] = [];
  private buffered = 0;
  /** Bytes taken so far. */
  offset = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  private ended = false;

  constructor(stream: Readable) {
    this.iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  async fill(n: number): Promise<number> {
    while (this.buffered < n && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else {
        this.pieces.push(next.value);
        this.buffered += next.value.length;
      }
    }
    return this.buffered;
  }

  peek(n: number): Uint8Array {
    const all = this.pieces.length === 1 ? this.pieces[0]! : Buffer.concat(this.pieces);
    this.pieces.splice(0, this.pieces.length, all);
    return all.subarray(0, Math.min(n, all.length));
  }

  async take(n: number, into?: Buffer): Promise<Uint8Array | undefined> {
    if ((await this.fill(n)) < n) return undefined;
    const out = into && into.length >= n ? into.subarray(0, n) : Buffer.allocUnsafeSlow(n);
    let filled = 0;
    while (filled < n) {
      const piece = this.pieces[0]!;
      const used = Math.min(piece.length, n - filled);
      out.set(piece.subarray(0, used), filled);
      filled += used;
      if (used === piece.length) this.pieces.shift();
      else this.pieces[0] = piece.subarray(used);
    }
    this.buffered -= n;
    this.offset += n;
    return out;
  }

  async more(): Promise<boolean> {
    return (await this.fill(1)) > 0;
  }

  close(): void {
    void this.iterator.return?.();
  }
}

/** An array being read: its header, then its values a block of rows (first-axis entries) at a time. */
export interface ArrayStream {
  place: ArrayPlace;
  header: NpyHeader;
  /**
   * The next `rows` entries of the first axis as float32 (C order), or fewer at the end; read into
   * `into` when it is the right size for float32 data (a buffer given back for reuse).
   */
  read(rows: number, into?: ArrayBuffer): Promise<Float32Array>;
  /** Checks that nothing follows the data, then releases the file. */
  finish(): Promise<void>;
  close(): void;
}

/**
 * Opens an array for streaming: its header read and checked (C order; any dtype `.npy` allows,
 * converted to float32). Errors name the file and, past the header, the byte offset.
 */
export async function openArray(place: ArrayPlace): Promise<ArrayStream> {
  const name = placeName(place);
  const { bytes, failed, release } = await openBytes(place);
  let header: NpyHeader | undefined;
  try {
    for (let want = 128; !header; want *= 2) {
      const have = await Promise.race([bytes.fill(want), failed]);
      header = readNpyHeader(bytes.peek(want), { maxElements: Number.MAX_SAFE_INTEGER });
      if (!header && (have < want || want > MAX_HEADER)) {
        throw new UserError(`${name}: the file ends inside its .npy header (${have} bytes)`);
      }
    }
  } catch (error) {
    bytes.close();
    release();
    if (error instanceof NpyError) throw new UserError(`${name}: ${error.message}`);
    throw error;
  }
  if (header.fortranOrder && header.shape.length > 1) {
    bytes.close();
    release();
    throw new UserError(
      `${name}: stored in Fortran order; save it in C order (np.save(path, np.ascontiguousarray(a))) to stream it`,
    );
  }
  await bytes.take(header.dataStart);
  const known = header;
  const rowValues = known.shape.slice(1).reduce((a, b) => a * b, 1);
  const totalRows = known.shape[0] ?? 1;
  let rowsRead = 0;
  return {
    place,
    header: known,
    async read(rows: number, into?: ArrayBuffer) {
      const count = Math.min(rows, totalRows - rowsRead);
      const start = bytes.offset;
      const size = count * rowValues * known.itemSize;
      const reuse = into && into.byteLength === size && known.itemSize === 4 ? Buffer.from(into) : undefined;
      const chunk = await Promise.race([bytes.take(size, reuse), failed]);
      if (!chunk) {
        throw new UserError(
          `${name}: the data ends before byte ${start + count * rowValues * known.itemSize}; shape (${known.shape.join(', ')}) of ${known.dtype} needs ${known.dataStart + known.count * known.itemSize} bytes: the file is truncated`,
        );
      }
      rowsRead += count;
      const values = npyValues(chunk, known.dtype);
      return values instanceof Float32Array ? values : Float32Array.from(values);
    },
    async finish() {
      const more = await Promise.race([bytes.more(), failed]);
      bytes.close();
      release();
      if (more) {
        throw new UserError(
          `${name}: unexpected bytes after the data at byte ${bytes.offset}; shape (${known.shape.join(', ')}) of ${known.dtype} ends there`,
        );
      }
    },
    close() {
      bytes.close();
      release();
    },
  };
}

function readError(error: Error & { code?: string }): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'a directory, not a file';
  if (error.code === 'EACCES') return 'not readable (permission denied)';
  return error.message;
}
