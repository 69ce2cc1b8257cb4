/**
 * The browser suite (`npm run test:browser`): every tests/browser/*.test.ts, three files at a
 * time, each in its own process with its own Chromium, against the built dist/.
 *
 * Files start longest first, so that the last to start is a short one: started alphabetically,
 * chapter 8's file and the every-page files began last and the run took a minute longer.
 * The order is a list of the slow files (measured by a run's per-file times; a file not listed
 * starts after them, in name order). A test that runs past 4 min fails, rather than holding the
 * run (headless Chromium can stop producing frames: tests/browser/retry.ts).
 *
 *   node scripts/test-browser.ts [file ...]   only the named files
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const DIR = 'tests/browser';
/** The slowest files, slowest first (in one run of npm test: 220, 165, 155, 115 and 90 s). */
const SLOWEST = [
  'pages-schemes.test.ts',
  'pages-embeds.test.ts',
  'model.test.ts',
  'lab-toolkit.test.ts',
  'blazepose.test.ts',
  'lab.test.ts',
];

const named = process.argv.slice(2);
const all = readdirSync(DIR)
  .filter((name) => name.endsWith('.test.ts'))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const files = (named.length > 0 ? named : all.map((name) => join(DIR, name))).map((file) => resolve(file));

function rank(name: string): number {
  const i = SLOWEST.indexOf(name);
  return i === -1 ? SLOWEST.length : i;
}

const stream = run({ files, concurrency: 3, timeout: 240_000, forceExit: true });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
