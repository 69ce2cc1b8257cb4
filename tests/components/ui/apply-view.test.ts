/** createViewApplier on a server-side DOM: a view model's attributes and texts reach every element of their role. */
import { describe, expect, it, vi } from 'vitest';
import { createViewApplier } from '../../../src/components/ui/apply-view.ts';
import { pageWith } from './dom.ts';

function figure() {
  const doc = pageWith(`<section data-store="ch1" data-role="root">
    <p data-role="out" class="a"></p><span data-role="out" class="b"></span>
    <button data-role="go" disabled></button>
    <div data-store="ch1"><p data-role="out" class="nested">nested</p></div>
  </section>`);
  const root = doc.querySelector<HTMLElement>('section')!;
  return { root, apply: createViewApplier(root), q: (s: string) => root.querySelector(s)! };
}

describe('createViewApplier(root)', () => {
  it('writes each text and attribute to every element of its role, root included', () => {
    const { apply, q, root } = figure();
    apply({ attrs: { out: { 'aria-label': 'the sum' }, root: { 'data-state': 'moved' } }, text: { out: '7' } });
    expect([q('.a').textContent, q('.b').textContent]).toEqual(['7', '7']);
    expect(q('.b').getAttribute('aria-label')).toBe('the sum');
    expect(root.getAttribute('data-state')).toBe('moved');
  });

  it('removes an attribute whose value is null, and sets one back', () => {
    const { apply, q } = figure();
    apply({ attrs: { go: { disabled: null } }, text: {} });
    expect(q('button').hasAttribute('disabled')).toBe(false);
    apply({ attrs: { go: { disabled: '' } }, text: {} });
    expect(q('button').hasAttribute('disabled')).toBe(true);
  });

  it("leaves a nested figure's elements alone", () => {
    const { apply, q } = figure();
    apply({ attrs: { out: { title: 't' } }, text: { out: 'outer' } });
    expect(q('.nested').textContent).toBe('nested');
    expect(q('.nested').hasAttribute('title')).toBe(false);
  });

  it('writes only what changed, so an unchanged text is not announced again', () => {
    const { apply, q } = figure();
    apply({ attrs: { go: { 'aria-label': 'Go' } }, text: { out: 'same' } });
    const text = vi.spyOn(q('.a'), 'textContent', 'set');
    const attr = vi.spyOn(q('button'), 'setAttribute');
    apply({ attrs: { go: { 'aria-label': 'Go' } }, text: { out: 'same' } });
    expect(text).not.toHaveBeenCalled();
    expect(attr).not.toHaveBeenCalled();
    apply({ attrs: { go: { 'aria-label': 'Stop' } }, text: { out: 'new' } });
    expect(text).toHaveBeenCalledWith('new');
    expect(attr).toHaveBeenCalledWith('aria-label', 'Stop');
  });

  it('ignores a role no element carries', () => {
    const { apply } = figure();
    expect(() => apply({ attrs: { none: { a: 'b' } }, text: { none: 'x' } })).not.toThrow();
  });
});
