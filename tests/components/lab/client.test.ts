/**
 * The Decoder Lab's page mount on a server-side DOM, with the framework and the five specs
 * mocked: each spec mounts on its section, which is marked hydrated; a refused link value is told
 * once, at the top; the clean-up unmounts the parts in reverse order.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushUrl } from '../../../src/components/ui/store.ts';
import { pageWith } from '../ui/dom.ts';

const mounted = vi.hoisted(() => ({ order: [] as string[], unmounted: [] as string[] }));
vi.mock('../../../src/components/ui/mount-figure.ts', () => ({
  mountFigure: (root: HTMLElement, spec: { name: string }) => {
    mounted.order.push(`${spec.name}@${root.dataset.part}`);
    return () => mounted.unmounted.push(spec.name);
  },
}));
for (const name of ['code', 'inputs', 'map', 'results', 'settings'])
  vi.doMock(`../../../src/components/lab/specs/${name}-spec.ts`, () => ({ default: { name } }));

const PAGE = `<decoder-lab data-store="lab">
  <section data-part="inputs"></section><section data-part="settings"></section><section data-part="code"></section>
  <section data-part="results"><div data-part="map"></div></section>
</decoder-lab>`;

beforeEach(() => {
  mounted.order = [];
  mounted.unmounted = [];
  vi.stubGlobal('history', { state: null, replaceState: () => {} });
});
afterEach(() => {
  flushUrl();
  vi.unstubAllGlobals();
});

async function mountLab(query = '', page = PAGE) {
  vi.stubGlobal('location', new URL(`https://example.org/lab/${query}`));
  const doc = pageWith(page);
  vi.stubGlobal('document', doc);
  vi.resetModules();
  const { mount } = await import('../../../src/components/lab/client.ts');
  const root = doc.querySelector<HTMLElement>('decoder-lab')!;
  return { root, unmount: mount(root) };
}

describe('mount(root)', () => {
  it('mounts each part on its section and marks it hydrated', async () => {
    const { root } = await mountLab();
    expect(mounted.order).toEqual(['inputs@inputs', 'settings@settings', 'code@code', 'results@results', 'map@map']);
    for (const part of root.querySelectorAll<HTMLElement>('[data-part]')) expect(part.dataset.hydrated).toBe('true');
  });

  it('unmounts the parts in reverse order', async () => {
    const { unmount } = await mountLab();
    unmount();
    expect(mounted.unmounted).toEqual(['map', 'results', 'code', 'settings', 'inputs']);
  });

  it('tells a refused link value once, at the top', async () => {
    const { root } = await mountLab('?lab.beta=oops&lab.kernel=4');
    const notes = root.querySelectorAll('[data-role="url-note"]');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.parentElement).toBe(root);
    expect(notes[0]!.textContent).toBe(
      "The link's value for kernel, beta was not valid here and was reset to the default.",
    );
  });

  it('throws, naming the Lab, when a section is missing', async () => {
    await expect(
      mountLab('', '<decoder-lab data-store="lab"><section data-part="inputs"></section></decoder-lab>'),
    ).rejects.toThrow('decoder-lab: missing [data-part="settings"]');
  });
});
