/** bindControls: a select sets its parameter (a number for a numeric one) and follows the store. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindControls } from '../../../src/components/ui/controls.ts';
import { choiceParam, numberParam } from '../../../src/components/ui/params.ts';
import { createStore } from '../../../src/components/ui/store.ts';

/** A stand-in for a <select data-param>: a value and change events, which is all bindControls uses. */
class FakeSelect extends EventTarget {
  value: string;
  dataset: { param: string };
  constructor(param: string, value: string) {
    super();
    this.dataset = { param };
    this.value = value;
  }
}

function rootWith(selects: FakeSelect[]): HTMLElement {
  return {
    querySelectorAll: (selector: string) => (selector.startsWith('select') ? selects : []),
    querySelector: () => null,
  } as unknown as HTMLElement;
}

// The store writes the URL a moment after a change: give it a page address to write.
beforeEach(() => {
  let url = new URL('https://example.test/ch/');
  vi.stubGlobal('location', {
    get href() {
      return url.href;
    },
  });
  vi.stubGlobal('history', { state: null, replaceState: (_s: unknown, _t: string, next: URL) => (url = next) });
});
afterEach(() => vi.unstubAllGlobals());

describe('bindControls: selects', () => {
  const schema = {
    joint: numberParam({ default: 0, min: 0, max: 38, integer: true }),
    mode: choiceParam(['a', 'b'] as const, 'a'),
  };

  it('sets a numeric parameter as a number and a choice as its string, and follows the store', () => {
    const store = createStore('t', schema, new URLSearchParams());
    const joint = new FakeSelect('joint', '0');
    const mode = new FakeSelect('mode', 'a');
    const unbind = bindControls(rootWith([joint, mode]), store);
    joint.value = '27';
    joint.dispatchEvent(new Event('change'));
    mode.value = 'b';
    mode.dispatchEvent(new Event('change'));
    expect(store.get()).toEqual({ joint: 27, mode: 'b' });
    store.set({ joint: 3 });
    expect(joint.value).toBe('3');
    unbind();
    joint.value = '5';
    joint.dispatchEvent(new Event('change'));
    expect(store.get().joint).toBe(3);
  });
});
