/**
 * NumPy `.npz` archives, read and written: a zip file (stored or deflated, as `np.savez` and
 * `np.savez_compressed` write it, with ZIP64 extras) holding one `.npy` file per array, named
 * after the array. https://numpy.org/doc/stable/reference/generated/numpy.savez.html
 *
 * The zip container is read by `fflate` (central directory, local headers, inflation); each
 * member is parsed by `parseNpy`. Nothing is trusted: the number of members, each member's
 * declared size and the total are checked against limits before anything is inflated, and a
 * member is inflated in 64 KiB steps into a buffer of its declared size, so a member that
 * inflates past what the archive declares (a zip bomb) is stopped at once. Every failure is
 * an {@link NpzError}; nothing else escapes.
 */
import { Unzip, UnzipInflate, unzipSync, zipSync, type Zippable } from 'fflate';
import { NpyError, parseNpy, writeNpy, type NpyArray } from './npy.ts';

/** Raised for every malformed, unsupported or over-limit `.npz` file; the message says why. */
export class NpzError extends Error {
  override name = 'NpzError';
}

/** One member of an archive, as its central directory describes it (nothing inflated). */
export interface NpzEntry {
  /** The array's name: the member's file name without `.npy` (NumPy's key). */
  name: string;
  /** The member's file name inside the zip. */
  file: string;
  /** Whether the member is a `.npy` file (others are listed but cannot be read as arrays). */
  npy: boolean;
  /** How the member is stored. */
  compression: 'stored' | 'deflated' | 'other';
  /** Bytes in the archive. */
  compressedBytes: number;
  /** Bytes once inflated, as declared. */
  bytes: number;
}

/** Limits applied before anything is inflated or allocated. */
export interface NpzLimits {
  /** Most members in the archive (default 1024). */
  maxEntries?: number;
  /** Largest inflated member, bytes (default 256 MiB). */
  maxEntryBytes?: number;
  /** Largest total of the inflated members read, bytes (default 256 MiB). */
  maxTotalBytes?: number;
  /** Most elements of one array, passed to `parseNpy` (default 2^26). */
  maxElements?: number;
}

/** Options of {@link parseNpz}: the limits and which arrays to read. */
export interface ParseNpzOptions extends NpzLimits {
  /** The arrays to read, by name (without `.npy`); all `.npy` members when omitted. */
  names?: readonly string[];
}

/** An archive's members and the arrays read from it, by name. */
export interface NpzArchive {
  /** Every member, in the archive's order. */
  entries: NpzEntry[];
  /** The arrays read, keyed by name, in the archive's order. */
  arrays: Record<string, NpyArray>;
}

/** The default limits of {@link parseNpz}. */
export const NPZ_LIMITS: Required<NpzLimits> = {
  maxEntries: 1024,
  maxEntryBytes: 256 * 2 ** 20,
  maxTotalBytes: 256 * 2 ** 20,
  maxElements: 2 ** 26,
};

/** Bytes handed to the inflater at a time: bounds the work done past a lying size. */
const CHUNK = 1 << 16;

const limitsOf = (options: NpzLimits): Required<NpzLimits> => ({ ...NPZ_LIMITS, ...stripUndefined(options) });

function stripUndefined(options: NpzLimits): NpzLimits {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as NpzLimits;
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** Rethrows an NpzError as it is and anything else (fflate's errors) as an NpzError. */
function wrap(error: unknown, what: string): NpzError {
  if (error instanceof NpzError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new NpzError(`${what} (${message})`);
}

/**
 * Lists an archive's members from its central directory without inflating anything, checking
 * the number of members and their declared sizes against the limits.
 */
export function listNpz(input: ArrayBuffer | Uint8Array, limits: NpzLimits = {}): NpzEntry[] {
  const bytes = toBytes(input);
  const { maxEntries, maxEntryBytes } = limitsOf(limits);
  // A zip starts with a local header, or is empty (only the end record); 22 bytes at least.
  const signature =
    bytes.length >= 4 ? (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0 : 0;
  if (bytes.length < 22 || (signature !== 0x04034b50 && signature !== 0x06054b50)) {
    throw new NpzError('not a .npz file: it does not start like a zip archive (PK\\x03\\x04)');
  }
  const entries: NpzEntry[] = [];
  const seen = new Set<string>();
  try {
    unzipSync(bytes, {
      filter(file) {
        if (entries.length >= maxEntries) {
          throw new NpzError(`the archive has more than ${maxEntries} members; refusing to read it`);
        }
        if (file.originalSize > maxEntryBytes) {
          throw new NpzError(
            `member ${file.name} declares ${mib(file.originalSize)} once inflated, more than ${mib(maxEntryBytes)}; refusing to read it`,
          );
        }
        if (file.size > bytes.length) {
          throw new NpzError(
            `member ${file.name} declares ${file.size} bytes in an archive of ${bytes.length}: the file is truncated or corrupt`,
          );
        }
        if (seen.has(file.name)) throw new NpzError(`the archive holds two members named ${file.name}`);
        seen.add(file.name);
        const npy = file.name.endsWith('.npy');
        entries.push({
          name: npy ? file.name.slice(0, -4) : file.name,
          file: file.name,
          npy,
          compression: file.compression === 0 ? 'stored' : file.compression === 8 ? 'deflated' : 'other',
          compressedBytes: file.size,
          bytes: file.originalSize,
        });
        return false;
      },
    });
  } catch (error) {
    throw wrap(error, 'not a readable zip archive');
  }
  return entries;
}

/**
 * Inflates the chosen members, each into a buffer of its declared size, feeding the archive to
 * fflate's streaming reader 64 KiB at a time so that a member inflating past its declared size
 * is stopped before it costs more than one step of work.
 */
function inflateMembers(bytes: Uint8Array, chosen: readonly NpzEntry[]): Map<string, Uint8Array> {
  const wanted = new Map(chosen.map((e) => [e.file, e]));
  const out = new Map<string, Uint8Array>();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const entry = wanted.get(file.name);
    if (!entry || out.has(file.name)) return;
    if (entry.compression === 'other') {
      throw new NpzError(`member ${file.name} uses a compression other than stored or deflate`);
    }
    const buffer = new Uint8Array(entry.bytes);
    let filled = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw new NpzError(`member ${file.name} does not inflate (${error.message})`);
      if (filled + chunk.length > buffer.length) {
        throw new NpzError(
          `member ${file.name} inflates past the ${entry.bytes} bytes the archive declares: the file is corrupt or hostile`,
        );
      }
      buffer.set(chunk, filled);
      filled += chunk.length;
      if (final) {
        if (filled !== buffer.length) {
          throw new NpzError(
            `member ${file.name} inflates to ${filled} bytes but the archive declares ${entry.bytes}: the file is truncated or corrupt`,
          );
        }
        out.set(file.name, buffer);
      }
    };
    file.start();
  };
  for (let i = 0; i < bytes.length; i += CHUNK) {
    unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  }
  for (const entry of chosen) {
    if (!out.has(entry.file)) {
      throw new NpzError(`member ${entry.file} is listed in the archive but its data could not be read`);
    }
  }
  return out;
}

/**
 * Reads a `.npz` archive: lists its members (see {@link listNpz}), then inflates and parses the
 * `.npy` members asked for by name (all of them by default). Throws {@link NpzError}, and
 * nothing else, on malformed input, unknown names or exceeded limits.
 */
export function parseNpz(input: ArrayBuffer | Uint8Array, options: ParseNpzOptions = {}): NpzArchive {
  const bytes = toBytes(input);
  const limits = limitsOf(options);
  const entries = listNpz(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  let chosen: NpzEntry[];
  if (options.names) {
    chosen = options.names.map((name) => {
      const entry = byName.get(name);
      if (!entry) {
        const names = entries.filter((e) => e.npy).map((e) => e.name);
        throw new NpzError(`the archive has no array named '${name}' (it holds ${names.join(', ') || 'none'})`);
      }
      if (!entry.npy) throw new NpzError(`member ${entry.file} is not a .npy file`);
      return entry;
    });
  } else {
    chosen = entries.filter((e) => e.npy);
  }
  const total = chosen.reduce((sum, e) => sum + e.bytes, 0);
  if (total > limits.maxTotalBytes) {
    throw new NpzError(
      `the arrays asked for take ${mib(total)} once inflated, more than ${mib(limits.maxTotalBytes)}; refusing to read them`,
    );
  }
  let members: Map<string, Uint8Array>;
  try {
    members = inflateMembers(bytes, chosen);
  } catch (error) {
    throw wrap(error, 'the archive could not be inflated');
  }
  const arrays: Record<string, NpyArray> = {};
  for (const entry of entries) {
    const member = members.get(entry.file);
    if (!member || !chosen.includes(entry)) continue;
    try {
      arrays[entry.name] = parseNpy(member, { maxElements: limits.maxElements });
    } catch (error) {
      if (error instanceof NpyError) throw new NpzError(`array '${entry.name}': ${error.message}`);
      throw wrap(error, `array '${entry.name}' could not be read`);
    }
  }
  return { entries, arrays };
}

/** An array to write: C-order data and its shape. */
export interface NpzArrayInput {
  data: Float32Array | Float64Array;
  shape: readonly number[];
}

/**
 * Writes arrays as a `.npz` archive (`name.npy` members), deflated like `np.savez_compressed`
 * or stored like `np.savez`.
 */
export function writeNpz(arrays: Record<string, NpzArrayInput>, { compress = true } = {}): Uint8Array {
  const files: Zippable = {};
  for (const [name, { data, shape }] of Object.entries(arrays)) {
    files[`${name}.npy`] = [writeNpy(data, shape), { level: compress ? 6 : 0 }];
  }
  return zipSync(files);
}
