import { describe, expect, it } from 'vitest';
import { buildResolutionSweep } from '../../../src/lib/index.ts';

describe('buildResolutionSweep({ target })', () => {
  const un = buildResolutionSweep({ target: 'unbiased', samples: 400 });
  const mean = (s: typeof un, input: string, id: string) =>
    s.rows.find((r) => r.input === input && r.decoder === id)!.error.mean;

  it('measures every resolution in the 256×192 frame: argmax’s error doubles as the input halves', () => {
    const a = ['256×192', '128×96', '64×48'].map((i) => mean(un, i, 'argmax'));
    expect(a[1]! / a[0]!).toBeGreaterThan(1.6);
    expect(a[2]! / a[1]!).toBeGreaterThan(1.6);
  });

  it('shows DARK’s gain over argmax growing as resolution falls', () => {
    const gain = (i: string) => mean(un, i, 'argmax') - mean(un, i, 'dark');
    expect(gain('128×96')).toBeGreaterThan(gain('256×192'));
    expect(gain('64×48')).toBeGreaterThan(gain('128×96'));
  });

  it('on biased targets no decoder recovers what encoding rounded away', () => {
    const b = buildResolutionSweep({ target: 'biased', samples: 400 });
    for (const i of ['256×192', '128×96', '64×48'])
      expect(mean(b, i, 'dark')).toBeGreaterThan(0.8 * mean(b, i, 'argmax'));
  });
});
