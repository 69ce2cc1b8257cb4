#!/usr/bin/env node
/**
 * `subpixel`: the Decoder Lab's decoders and MMPose's evaluation protocol for whole validation
 * sets, from a shell. `decode` reads heatmaps or SimCC vectors of any size; `eval` scores a COCO
 * results file as pycocotools does, whole or in shards; `merge` combines shards. User errors are
 * one line and an exit code (1 input, 2 usage); set SUBPIXEL_DEBUG=1 for a stack trace.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { decode } from './decode.ts';
import { UserError, usageError } from './errors.ts';
import { evaluate, merge } from './evaluate.ts';
import { parseShard } from './options.ts';
import { decodeSummary, decodeText, evalText, statsJson } from './report.ts';
import { HELP, VERSION } from './usage.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
const text = (extra: Options = {}): Options => ({
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...extra,
});
const string = { type: 'string' } as const;

const COMMANDS = {
  decode: text({
    decoders: string,
    convention: string,
    mapping: string,
    kernel: string,
    beta: string,
    stride: string,
    'split-ratio': string,
    sigma: string,
    layout: string,
    array: string,
    flip: string,
    'flip-shift': string,
    pairs: string,
    gt: string,
    boxes: string,
    'box-thr': string,
    sigmas: string,
    units: string,
    out: string,
    workers: string,
    chunk: string,
  }),
  eval: text({ gt: string, results: string, sigmas: string, shard: string, out: string }),
  merge: text(),
} satisfies Record<string, Options>;

function parse(command: keyof typeof COMMANDS, args: string[]) {
  try {
    return parseArgs({ args, options: COMMANDS[command], allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${command}: ${(error as Error).message.split('\n')[0]} (subpixel ${command} --help)`);
  }
}

const integer = (flag: string, value: string | undefined, fallback: number, min: number): number => {
  if (value === undefined) return fallback;
  const v = Number(value);
  if (!Number.isInteger(v) || v < min) throw usageError(`--${flag} ${value}: expected a whole number ≥ ${min}`);
  return v;
};

const numbers = (flag: string, value: string | undefined): number[] | undefined => {
  if (value === undefined) return undefined;
  const list = value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (!list.length || list.some((v) => !(v > 0)))
    throw usageError(`--${flag} ${value}: expected positive numbers separated by commas`);
  return list;
};

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === '--version' || command === '-v') return void process.stdout.write(`${VERSION}\n`);
  if (!command || command === 'help' || command === '--help' || command === '-h')
    return void process.stdout.write(HELP.main);
  if (!(command in COMMANDS))
    throw usageError(`unknown command ${command} (subpixel --help lists decode, eval and merge)`);
  const { values, positionals } = parse(command as keyof typeof COMMANDS, args);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return void process.stdout.write(HELP[command as keyof typeof HELP]);
  const json = v.json === true;
  const flag = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);

  if (command === 'decode') {
    if (!positionals.length) throw usageError('decode: name the input (subpixel decode heatmaps.npy)');
    const outcome = await decode({
      ...(Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as Record<string, string>),
      inputs: positionals,
      workers: integer('workers', flag('workers'), Math.max(1, availableParallelism()), 0),
      ...(flag('chunk') ? { chunk: integer('chunk', flag('chunk'), 1, 1) } : {}),
      progress: process.stderr.isTTY === true,
    });
    process.stdout.write(json ? `${JSON.stringify(decodeSummary(outcome), null, 2)}\n` : decodeText(outcome));
    return;
  }
  if (command === 'eval') {
    if (positionals.length) throw usageError(`eval: unexpected ${positionals[0]} (give files with --gt and --results)`);
    const gt = flag('gt');
    const results = flag('results');
    if (!gt || !results) throw usageError('eval: needs --gt GT.json and --results RESULTS.json');
    const shard = flag('shard');
    const sigmas = numbers('sigmas', flag('sigmas'));
    const outcome = await evaluate({
      gt,
      results,
      ...(sigmas ? { sigmas } : {}),
      ...(shard ? { shard: parseShard(shard) } : {}),
    });
    if ('shard' in outcome) {
      const out = flag('out');
      const body = `${JSON.stringify(outcome.shard)}\n`;
      if (out) {
        await writeFile(out, body).catch((error: Error) => {
          throw new UserError(`--out ${out}: ${error.message}`);
        });
        if (!json)
          process.stderr.write(`wrote shard ${shard} (${outcome.shard.evals.length} image evaluations) to ${out}\n`);
      } else process.stdout.write(body);
      return;
    }
    if (flag('out')) throw usageError('eval: --out writes a shard; give --shard i/n too');
    process.stdout.write(json ? statsJson(outcome.output.stats) : evalText(outcome.output));
    return;
  }
  const output = await merge(positionals);
  process.stdout.write(json ? statsJson(output.stats) : evalText(output));
}

/** Runs the command line and exits with its code. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  try {
    await run(argv);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`subpixel: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`subpixel: internal error: ${message} (please report it; SUBPIXEL_DEBUG=1 shows where)\n`);
    if (process.env.SUBPIXEL_DEBUG) console.error(error);
    return 70;
  }
}

process.exitCode = await main();
