/** ownedBy and ownAll on a server-side DOM: a figure nested in another owns its own elements. */
import { describe, expect, it } from 'vitest';
import { ownAll, ownedBy } from '../../../src/components/ui/owned.ts';
import { pageWith } from './dom.ts';

/** The Lab's results, with its map view (a figure of its own) inside them. */
const doc = pageWith(`
  <section id="results" data-store="lab" data-role="out">
    <p data-role="out" id="line"></p>
    <div class="plain"><button data-role="out" id="deep"></button></div>
    <section id="map" data-store="lab">
      <p data-role="out" id="map-line"></p>
      <div><span data-role="out" id="map-deep"></span></div>
    </section>
  </section>
  <p data-role="out" id="outside"></p>`);
const results = doc.getElementById('results')!;
const map = doc.getElementById('map')!;
const byId = (id: string) => doc.getElementById(id)!;

describe('ownedBy(root, el)', () => {
  it('is true of an element whose nearest figure root is root, at any depth', () => {
    expect(ownedBy(results, byId('line'))).toBe(true);
    expect(ownedBy(results, byId('deep'))).toBe(true);
    expect(ownedBy(results, results)).toBe(true);
  });

  it('is false of the elements of a figure nested in root, at any depth, and true for that figure', () => {
    expect(ownedBy(results, byId('map-line'))).toBe(false);
    expect(ownedBy(results, byId('map-deep'))).toBe(false);
    expect(ownedBy(map, byId('map-deep'))).toBe(true);
  });

  it('is true of an element outside every figure', () => {
    expect(ownedBy(results, byId('outside'))).toBe(true);
  });
});

describe('ownAll(root, selector)', () => {
  it("lists root itself and root's own matches, not the nested figure's", () => {
    expect(ownAll(results, '[data-role="out"]').map((el) => el.id)).toEqual(['results', 'line', 'deep']);
    expect(ownAll(map, '[data-role="out"]').map((el) => el.id)).toEqual(['map-line', 'map-deep']);
  });
});
