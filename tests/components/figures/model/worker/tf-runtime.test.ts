/** Freeing tensors on a backend that may be gone. */
import { describe, expect, it } from 'vitest';
import { release } from '../../../../../src/components/figures/model/worker/tf-runtime.ts';

describe('release', () => {
  it('frees, and swallows the error of a backend that is gone', () => {
    const freed: string[] = [];
    release(() => freed.push('a'));
    expect(freed).toEqual(['a']);
    expect(() =>
      release(() => {
        throw new Error('the WebGL context was lost');
      }),
    ).not.toThrow();
  });
});
