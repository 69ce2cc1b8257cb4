/**
 * bindControls on a server-side DOM (linkedom): each kind of control sets its parameter and
 * follows the store, a refused entry shows the value that stands, and a figure nested in the root
 * keeps its controls. (linkedom's `<select>` has no `value` setter; `settable` gives each select
 * a browser's: setting the value selects the option of that value.)
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pairsParam } from '../../../src/components/lab/list-params.ts';
import { bindControls } from '../../../src/components/ui/controls.ts';
import { booleanParam, choiceParam, numberParam } from '../../../src/components/ui/params.ts';
import { createStore, flushUrl } from '../../../src/components/ui/store.ts';

const BETA_MAX = 100;
const schema = {
  joint: numberParam({ default: 0, min: 0, max: 38, integer: true }),
  mode: choiceParam(['a', 'b'] as const, 'a'),
  beta: numberParam({ default: 20, min: 0.1, max: BETA_MAX, digits: 2 }),
  left: booleanParam(true),
  right: booleanParam(true),
  pairs: pairsParam('1-2,3-4'),
};

let doc: Document;

/** A figure root holding `html`, its selects given a browser's `value`. */
function rootWith(html: string): HTMLElement {
  doc = parseHTML(`<!doctype html><html><body><test-figure data-store="t">${html}</test-figure></body></html>`)
    .document as unknown as Document;
  vi.stubGlobal('document', doc);
  for (const select of doc.querySelectorAll('select')) settable(select);
  return doc.querySelector('test-figure') as HTMLElement;
}

function settable(select: HTMLSelectElement): void {
  const options = () => [...select.querySelectorAll('option')];
  Object.defineProperty(select, 'value', {
    configurable: true,
    get: () => (options().find((o) => o.hasAttribute('selected')) ?? options()[0])?.getAttribute('value') ?? '',
    set: (value: string) => options().forEach((o) => o.toggleAttribute('selected', o.getAttribute('value') === value)),
  });
}

/** Sets what the reader entered in `el` and fires its change, as a browser does. */
function enter(el: Element, value: string | boolean): void {
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else (el as HTMLInputElement).value = value;
  el.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('change', { bubbles: true }));
}

const store = () => createStore('t', schema, new URLSearchParams());

// The store writes the URL a moment after a change: give it a page address to write.
beforeEach(() => {
  vi.stubGlobal('location', new URL('https://example.test/ch/'));
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
});
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
});

const SELECTS = `
  <select data-param="joint">${[0, 3, 27].map((v) => `<option value="${v}">${v}</option>`).join('')}</select>
  <select data-param="mode"><option value="a">A</option><option value="b">B</option></select>`;

describe('bindControls: selects', () => {
  it('sets a numeric parameter as a number and a choice as its string, and follows the store', () => {
    const root = rootWith(SELECTS);
    const s = store();
    const unbind = bindControls(root, s, schema);
    const joint = root.querySelector('select[data-param="joint"]')!;
    const mode = root.querySelector('select[data-param="mode"]')!;
    enter(joint, '27');
    enter(mode, 'b');
    expect(s.get()).toMatchObject({ joint: 27, mode: 'b' });
    s.set({ joint: 3 });
    expect((joint as HTMLSelectElement).value).toBe('3');
    unbind();
    enter(joint, '0');
    expect(s.get().joint).toBe(3);
  });
});

describe('bindControls: number fields', () => {
  const html = '<input type="number" data-param="beta">';

  it('sets its key, and shows the value that stands after a refused or clamped entry', () => {
    const root = rootWith(html);
    const s = store();
    bindControls(root, s, schema);
    const field = root.querySelector('input') as HTMLInputElement;
    expect(field.value).toBe('20');
    enter(field, '2.5');
    expect(s.get().beta).toBe(2.5);
    enter(field, '');
    expect([s.get().beta, field.value]).toEqual([2.5, '2.5']);
    enter(field, '1000');
    expect([s.get().beta, field.value]).toEqual([BETA_MAX, String(BETA_MAX)]);
    s.set({ beta: 7 });
    expect(field.value).toBe('7');
  });
});

describe('bindControls: checkboxes', () => {
  const html = `<fieldset data-keep-one>
      <input type="checkbox" data-param="left"><input type="checkbox" data-param="right">
    </fieldset>`;

  it('follow the store, and in a [data-keep-one] group the last one on cannot be turned off', () => {
    const root = rootWith(html);
    const s = store();
    bindControls(root, s, schema);
    const [left, right] = [...root.querySelectorAll('input')] as HTMLInputElement[];
    expect([left!.checked, right!.checked]).toEqual([true, true]);
    enter(left!, false);
    expect(s.get()).toMatchObject({ left: false, right: true });
    enter(right!, false);
    expect(right!.checked).toBe(true);
    expect(s.get()).toMatchObject({ left: false, right: true });
    s.set({ left: true });
    expect(left!.checked).toBe(true);
  });

  it('outside such a group, turn off freely', () => {
    const root = rootWith('<input type="checkbox" data-param="left">');
    const s = store();
    bindControls(root, s, schema);
    enter(root.querySelector('input')!, false);
    expect(s.get().left).toBe(false);
  });
});

describe('bindControls: text fields with a typed parameter', () => {
  const html = '<input type="text" data-param="pairs"><p data-param-note="pairs"></p>';

  it('set the value the parameter reads from the text, and clear the note', () => {
    const root = rootWith(html);
    const s = store();
    bindControls(root, s, schema);
    const [field, note] = [root.querySelector('input')!, root.querySelector('[data-param-note="pairs"]')!];
    expect((field as HTMLInputElement).value).toBe('1-2,3-4');
    note.textContent = 'an old note';
    enter(field, '(5, 6); [7, 8]');
    expect(s.get().pairs).toBe(schema.pairs.typed!.read('(5, 6); [7, 8]'));
    expect(s.get().pairs).toBe('5-6,7-8');
    expect(note.textContent).toBe('');
  });

  it('refuse a text that is not a value, saying what one looks like and what stands', () => {
    const root = rootWith(html);
    const s = store();
    bindControls(root, s, schema);
    const [field, note] = [root.querySelector('input')!, root.querySelector('[data-param-note="pairs"]')!];
    enter(field, 'left-right');
    expect(s.get().pairs).toBe('1-2,3-4');
    expect(note.textContent).toBe(
      `“left-right” is not ${schema.pairs.typed!.expected}; it stays ${schema.pairs.format('1-2,3-4')}.`,
    );
    s.set({ pairs: '' });
    enter(field, 'x');
    expect(note.textContent).toMatch(/it stays empty\.$/);
  });
});

describe('bindControls: nested figures', () => {
  it('leaves the controls inside a nested [data-store] element to that figure', () => {
    const root = rootWith(`<select data-param="mode"><option value="a">A</option><option value="b">B</option></select>
      <div data-store="inner">${SELECTS}<input type="number" data-param="beta"></div>`);
    const s = store();
    bindControls(root, s, schema);
    const [outer, inner] = [...root.querySelectorAll('select[data-param="mode"]')] as HTMLSelectElement[];
    enter(inner!, 'b');
    expect(s.get().mode).toBe('a');
    enter(outer!, 'b');
    expect(s.get().mode).toBe('b');
    expect(inner!.value).toBe('b');
    s.set({ mode: 'a', beta: 9 });
    expect(outer!.value).toBe('a');
    // The nested figure's select and field are not the outer store's to follow.
    expect(inner!.value).toBe('b');
    expect((root.querySelector('[data-store="inner"] input') as HTMLInputElement).value).toBe('');
  });
});
