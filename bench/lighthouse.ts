/**
 * Lighthouse (its default mobile settings: a mid-range phone on a slow 4G link, simulated) on
 * every page of the built site, served locally by the browser tests' server, gzipped as a
 * static host serves it (`--raw`: uncompressed), in the system Chromium. Prints each page's
 * performance and accessibility scores, LCP, FCP, CLS and total blocking time beside the
 * targets of issue 21; asserts nothing.
 *   node bench/lighthouse.ts [--raw] [path…]      (no path: every page of dist/)
 * CHROME_PATH picks the browser (default /usr/bin/chromium). One page takes 20–30 s.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { builtPages } from '../tests/browser/pages.ts';
import { serveDist } from '../tests/browser/server.ts';

const run = promisify(execFile);
const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

export const TARGETS = { performance: 95, accessibility: 100, lcpMs: 2500, cls: 0 };

interface Audit {
  numericValue?: number;
  score: number | null;
}
interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, Audit>;
}

/** Lighthouse's report on one URL: run as its command-line tool, the way the issue measured. */
async function lighthouse(url: string): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'subpixel-lighthouse-'));
  const out = join(dir, 'report.json');
  try {
    await run(
      process.execPath,
      [
        cli,
        url,
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox',
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 1 << 26 },
    );
    return JSON.parse(readFileSync(out, 'utf8')) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLighthouse(paths: string[] = [], { gzip = true } = {}): Promise<void> {
  const pages = paths.length ? paths : builtPages('dist');
  const { server, origin } = await serveDist('dist', 0, { gzip });
  const rows = [];
  let met = 0;
  try {
    for (const path of pages) {
      const report = await lighthouse(origin + path);
      const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100);
      const value = (name: string) => report.audits[name]?.numericValue ?? Number.NaN;
      const perf = score('performance');
      const a11y = score('accessibility');
      const lcp = value('largest-contentful-paint');
      const cls = value('cumulative-layout-shift');
      const ok =
        perf >= TARGETS.performance && a11y >= TARGETS.accessibility && lcp <= TARGETS.lcpMs && cls <= TARGETS.cls;
      if (ok) met++;
      const failing = (report.categories.accessibility?.auditRefs ?? [])
        .map((ref) => ref.id)
        .filter((id) => report.audits[id]?.score === 0);
      rows.push({
        page: path,
        performance: perf,
        accessibility: a11y,
        'LCP (s)': Number((lcp / 1000).toFixed(2)),
        'FCP (s)': Number((value('first-contentful-paint') / 1000).toFixed(2)),
        CLS: Number(cls.toFixed(3)),
        'TBT (ms)': Math.round(value('total-blocking-time')),
        targets: ok ? 'met' : 'MISSED',
        ...(a11y < 100 ? { 'failing a11y': failing.join(' ') } : {}),
      });
      console.log(`${path}: performance ${perf}, accessibility ${a11y}, LCP ${(lcp / 1000).toFixed(2)} s`);
    }
  } finally {
    server.close();
  }
  console.log(
    `Lighthouse, mobile, served locally ${gzip ? 'gzipped' : 'without compression'} (targets: performance ≥ ${TARGETS.performance}, ` +
      `accessibility ${TARGETS.accessibility}, LCP ≤ ${TARGETS.lcpMs / 1000} s, CLS ${TARGETS.cls}):`,
  );
  console.table(rows);
  console.log(`${met} of ${rows.length} pages meet every target.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  await benchLighthouse(
    args.filter((a) => a !== '--raw'),
    { gzip: !args.includes('--raw') },
  );
}
