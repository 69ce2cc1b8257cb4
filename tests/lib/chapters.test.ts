import { describe, expect, it } from 'vitest';
import { chapterHref, neighbours, readingOrder } from '../../src/lib/index.ts';

const ch = (id: string, order: number) => ({ id, data: { title: id, order } });

describe('readingOrder / neighbours / chapterHref', () => {
  it('sorts by order and finds the previous and next chapter', () => {
    const ordered = readingOrder([ch('c', 3), ch('a', 1), ch('b', 2)]);
    expect(ordered.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(neighbours(ordered, 'a')).toEqual({ previous: undefined, next: ordered[1] });
    expect(neighbours(ordered, 'c').next).toBeUndefined();
    expect(chapterHref(ordered[0]!)).toBe('/chapters/a/');
  });

  it('refuses two chapters with the same order', () => {
    expect(() => readingOrder([ch('a', 1), ch('b', 1)])).toThrow(/share order 1/);
  });
});
