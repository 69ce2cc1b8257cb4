/** showRejected on a server-side DOM: the figure says which link values it reset, in its own note or a new one. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../../src/components/ui/store.ts';
import { showRejected } from '../../../src/components/ui/url-note.ts';
import { pageWith } from './dom.ts';

const storeRejecting = (...keys: string[]) => ({ rejected: keys }) as unknown as Store<unknown>;

function figure(body: string) {
  const doc = pageWith(`<div id="fig">${body}</div>`);
  vi.stubGlobal('document', doc);
  return doc.getElementById('fig')!;
}
afterEach(() => vi.unstubAllGlobals());

describe('showRejected(root, store)', () => {
  it("names the refused keys in the figure's own note and shows it", () => {
    const root = figure('<p data-role="url-note" hidden></p>');
    showRejected(root, storeRejecting('sigma', 'x'));
    const note = root.querySelector<HTMLElement>('[data-role="url-note"]')!;
    expect(note.hidden).toBe(false);
    expect(note.textContent).toBe("The link's value for sigma, x was not valid here and was reset to the default.");
  });

  it('adds a status note to a figure without one', () => {
    const root = figure('<svg></svg>');
    showRejected(root, storeRejecting('beta'));
    const note = root.lastElementChild as HTMLElement;
    expect(note.getAttribute('data-role')).toBe('url-note');
    expect(note.getAttribute('role')).toBe('status');
    expect(note.className).toBe('fig-note');
    expect(note.textContent).toContain('for beta was not valid');
  });

  it('says nothing when the link held no refused value', () => {
    const root = figure('<p data-role="url-note" hidden></p>');
    showRejected(root, storeRejecting());
    expect(root.querySelector<HTMLElement>('[data-role="url-note"]')!.hidden).toBe(true);
    expect(root.children).toHaveLength(1);
  });
});
