import { describe, expect, it, vi } from 'vitest';
import { combineSources, createSource } from '../../../src/components/ui/source.ts';

describe('createSource(initial)', () => {
  it('holds a value, tells its listeners when it is replaced, and stops telling them', () => {
    const source = createSource(1);
    const heard: number[] = [];
    const stop = source.subscribe(() => heard.push(source.get()));
    source.set(2);
    stop();
    source.set(3);
    expect(heard).toEqual([2]);
    expect(source.get()).toBe(3);
  });

  it('tells every listener subscribed when a change began, though one of them stops another', () => {
    const source = createSource('a');
    const heard: string[] = [];
    const stopFirst = source.subscribe(() => {
      heard.push('first');
      stopSecond();
    });
    const stopSecond = source.subscribe(() => heard.push('second'));
    source.set('b');
    source.set('c');
    stopFirst();
    // The listeners of a change are those subscribed when it began.
    expect(heard).toEqual(['first', 'second', 'first']);
  });
});

describe('combineSources(sources)', () => {
  it("gives each source's value under its name", () => {
    const both = combineSources({ model: createSource('lite'), photo: createSource(3) });
    expect(both.get()).toEqual({ model: 'lite', photo: 3 });
  });

  it('gives the same object until one of its parts changes', () => {
    const model = createSource('lite');
    const photo = createSource(3);
    const both = combineSources({ model, photo });
    const first = both.get();
    expect(both.get()).toBe(first);
    photo.set(3);
    expect(both.get()).toBe(first);
    photo.set(4);
    const second = both.get();
    expect(second).not.toBe(first);
    expect(second).toEqual({ model: 'lite', photo: 4 });
    expect(both.get()).toBe(second);
  });

  it('tells its listeners of a change of any part, until they stop', () => {
    const model = createSource('lite');
    const photo = createSource(3);
    const both = combineSources({ model, photo });
    const listener = vi.fn();
    const stop = both.subscribe(listener);
    model.set('full');
    photo.set(5);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    model.set('heavy');
    photo.set(6);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
