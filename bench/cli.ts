/**
 * `subpixel decode` on a COCO-val-sized heatmap file against MMPose's own decode loop, side by
 * side in one run (issue 28): 6,352 samples × 17 × 64 × 48 float32 (1.33 GB, COCO val2017's person
 * instances with ground-truth boxes), generated here as noisy unbiased Gaussians, decoded with
 * argmax, quarter shift, DARK and DARK-UDP. Prints wall time, peak RSS and maps per second of each,
 * against the targets: peak RSS ≤ 512 MB, ≥ 10× MMPose's loop.
 *
 * MMPose is read from a checkout named by MMPOSE (bench/mmpose-decode.py says how to make one);
 * without it, only the command line is timed. SUBPIXEL_BENCH_N sets a smaller sample count.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addNoise, createRandom, encodeUnbiased, npyHeaderBytes } from '../src/lib/index.ts';

const [K, H, W] = [17, 64, 48];
const DECODERS = ['argmax', 'quarter', 'dark', 'darkUdp'];

/** Writes N samples of noisy unbiased Gaussians as a .npy, a sample at a time (bounded memory). */
function writeHeatmaps(path: string, n: number): void {
  const header = npyHeaderBytes('<f4', [n, K, H, W]);
  const fd = openSync(path, 'w');
  writeSync(fd, header);
  const random = createRandom(28);
  const sample = new Float32Array(K * H * W);
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < K; k++) {
      const map = sample.subarray(k * H * W, (k + 1) * H * W);
      encodeUnbiased({ x: random.uniform(2, W - 3), y: random.uniform(2, H - 3) }, W, H, 2, map);
      addNoise(map, 0.02, random);
    }
    writeSync(fd, new Uint8Array(sample.buffer));
  }
  closeSync(fd);
}

/** Runs a command under /usr/bin/time: its stdout, wall seconds and peak RSS in MB. */
function timed(command: string, args: string[]): { stdout: string; seconds: number; rssMb: number } {
  const run = spawnSync('/usr/bin/time', ['-f', '@@time %e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const line = /@@time ([\d.]+) (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !line) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.trim()}`);
  return { stdout: run.stdout, seconds: Number(line[1]), rssMb: Number(line[2]) / 1024 };
}

const cli = fileURLToPath(new URL('../pkg/subpixel.js', import.meta.url));
const mmposeLoop = fileURLToPath(new URL('mmpose-decode.py', import.meta.url));

/** The bench (see the module comment). */
export async function benchCli(): Promise<void> {
  const n = Number(process.env.SUBPIXEL_BENCH_N ?? 6352);
  const maps = n * K;
  const checkout = process.env.MMPOSE;
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const dir = mkdtempSync(join(tmpdir(), 'subpixel-cli-bench-'));
  const file = join(dir, 'heatmaps.npy');
  try {
    // The package's build (what users run), made fresh.
    execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build-package.ts', import.meta.url))], {
      stdio: 'ignore',
    });
    const start = performance.now();
    writeHeatmaps(file, n);
    const gb = (n * K * H * W * 4) / 1e9;
    console.log(
      `\nsubpixel decode against MMPose's decode loop: ${n.toLocaleString('en')} × ${K} × ${H} × ${W} float32 (${gb.toFixed(2)} GB, written in ${((performance.now() - start) / 1000).toFixed(1)} s), ${DECODERS.join(', ')}`,
    );
    const ours = timed(process.execPath, [
      cli,
      'decode',
      file,
      '--decoders',
      DECODERS.join(','),
      '--out',
      join(dir, 'out'),
    ]);
    const rows: Record<string, string | number>[] = [
      {
        run: 'subpixel decode (all four, one pass)',
        'wall (s)': Number(ours.seconds.toFixed(2)),
        'peak RSS (MB)': Math.round(ours.rssMb),
        'maps/s (per decoder)': Math.round((maps * DECODERS.length) / ours.seconds),
      },
    ];
    let reference: number | undefined;
    if (checkout) {
      const loop = timed(python, [mmposeLoop, checkout, file, DECODERS.join(',')]);
      const seconds = (JSON.parse(loop.stdout) as { seconds: Record<string, number> }).seconds;
      reference = Object.values(seconds).reduce((a, b) => a + b, 0);
      rows.push({
        run: "MMPose's loop (all four, one after another)",
        'wall (s)': Number(loop.seconds.toFixed(2)),
        'peak RSS (MB)': Math.round(loop.rssMb),
        'maps/s (per decoder)': Math.round((maps * DECODERS.length) / reference),
      });
      for (const [name, s] of Object.entries(seconds)) {
        rows.push({
          run: `  MMPose ${name}`,
          'wall (s)': Number(s.toFixed(2)),
          'peak RSS (MB)': '',
          'maps/s (per decoder)': Math.round(maps / s),
        });
      }
    }
    console.table(rows);
    console.log(`peak RSS ${Math.round(ours.rssMb)} MB (target ≤ 512 MB): ${ours.rssMb <= 512 ? 'met' : 'MISSED'}.`);
    if (reference === undefined) {
      console.log('Set MMPOSE to an MMPose checkout to time its loop beside (bench/mmpose-decode.py says how).');
    } else {
      // MMPose's loop timed inside Python (decoding only); ours from the process's start to its exit.
      const ratio = reference / ours.seconds;
      console.log(
        `subpixel decode: ${ratio.toFixed(1)}× MMPose's loop (target ≥ 10×): ${ratio >= 10 ? 'met' : 'MISSED'}.`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
