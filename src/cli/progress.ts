/**
 * A progress bar with an estimate of the time left (cli-progress), drawn on standard error when it
 * is a terminal; on a pipe or in a log, nothing.
 */
import cliProgress from 'cli-progress';

/** What the decode tells the bar. */
export interface Progress {
  increment(samples: number): void;
  stop(): void;
}

/** A bar over `total` samples, or a silent stand-in when `show` is false. */
export function progressBar(show: boolean, total: number): Progress {
  if (!show) return { increment() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        'decoding [{bar}] {percentage}% | {value}/{total} samples | {duration_formatted} elapsed, ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { increment: (samples) => bar.increment(samples), stop: () => bar.stop() };
}
