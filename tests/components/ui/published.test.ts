/**
 * Typed publications: what a figure publishes under a key is what an exercise reads back under
 * it, and every publication tells the listeners. (The registry is the page's: keys here are
 * unique to this file.)
 */
import { describe, expect, it, vi } from 'vitest';
import { onPublish, publication, publish, published } from '../../../src/components/ui/published.ts';

describe('publication<T>(name)', () => {
  it('is a key carrying its name', () => {
    expect(publication<number>('test:name').name).toBe('test:name');
  });
});

describe('publish(key, value) and published(key)', () => {
  it('reads back the latest value published under a key, and undefined before any', () => {
    const errors = publication<readonly number[]>('test:errors');
    expect(published(errors)).toBeUndefined();
    const first = [0.5, 1.25];
    publish(errors, first);
    expect(published(errors)).toBe(first);
    publish(errors, [2]);
    expect(published(errors)).toEqual([2]);
  });

  it('keeps keys of other names apart, and shares one name between keys', () => {
    const a = publication<string>('test:a');
    const b = publication<string>('test:b');
    publish(a, 'for a');
    expect(published(b)).toBeUndefined();
    expect(published(publication<string>('test:a'))).toBe('for a');
  });

  it('publishes a builder as it is, to be called by the reader', () => {
    const build = publication<(x: number) => number>('test:build');
    publish(build, (x) => x * 3);
    expect(published(build)?.(4)).toBe(12);
  });
});

describe('onPublish(listener)', () => {
  it('calls the listener after every publication until it stops', () => {
    const key = publication<number>('test:heard');
    const seen: (number | undefined)[] = [];
    const listener = vi.fn(() => seen.push(published(key)));
    const stop = onPublish(listener);
    publish(key, 1);
    publish(publication<number>('test:other'), 2);
    stop();
    publish(key, 3);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(seen).toEqual([1, 1]);
  });
});
