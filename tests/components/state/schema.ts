/**
 * The checks every chapter's state module gets (its schema as the URL holds it): each default
 * lies in its parameter's range or choices; the defaults write nothing to the URL; a state moved
 * to the far end of every range and the last of every choice round-trips through the URL
 * exactly; and a link's value out of range is refused, falling back to the default.
 */
import { describe, expect, it } from 'vitest';
import { defaultsOf, readState, writeState, type Param, type Schema } from '../../../src/components/ui/params.ts';

type AnySchema = Record<string, Param<unknown>>;

/** Every parameter moved away from its default: numbers to the end of their range farther from it, choices to another. */
export function movedState(schema: AnySchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema).map(([key, param]) => {
      const c = param.control;
      if (c.kind === 'number') {
        const d = param.default as number;
        return [key, d - c.min > c.max - d ? c.min : c.max];
      }
      if (c.kind === 'choice') return [key, c.values.find((v) => v !== param.default)];
      if (c.kind === 'boolean') return [key, !param.default];
      return [key, param.default];
    }),
  );
}

/** Registers the checks of `schema`, the store `prefix`'s. */
export function describeSchema<S>(prefix: string, schema: Schema<S>): void {
  const params = schema as unknown as AnySchema;
  describe(`${prefix}: its schema as the URL holds it`, () => {
    it("sets each default inside its parameter's range or choices", () => {
      for (const [key, param] of Object.entries(params)) {
        const c = param.control;
        if (c.kind === 'number') {
          const d = param.default as number;
          expect(d, key).toBeGreaterThanOrEqual(c.min);
          expect(d, key).toBeLessThanOrEqual(c.max);
          expect(param.clamp(d), key).toBe(d);
        } else if (c.kind === 'choice') expect(c.values, key).toContain(param.default);
      }
    });

    it('writes nothing to the URL at the defaults, and reads the defaults from an empty one', () => {
      const search = new URLSearchParams('other=1');
      writeState(schema, prefix, defaultsOf(schema), search);
      expect(search.toString()).toBe('other=1');
      expect(readState(schema, prefix, new URLSearchParams())).toEqual({ state: defaultsOf(schema), rejected: [] });
    });

    it('round-trips a state moved on every parameter through the URL', () => {
      const moved = { ...defaultsOf(schema), ...movedState(params) } as S;
      const search = new URLSearchParams();
      writeState(schema, prefix, moved, search);
      // Every moved parameter is in the URL under the store's prefix.
      for (const [key, value] of Object.entries(moved as object))
        if (value !== (params[key] as Param<unknown>).default) expect(search.has(`${prefix}.${key}`), key).toBe(true);
      expect(readState(schema, prefix, search)).toEqual({ state: moved, rejected: [] });
    });

    it("refuses a link's value past a range or outside the choices, keeping the default", () => {
      const search = new URLSearchParams();
      const refused: string[] = [];
      for (const [key, param] of Object.entries(params)) {
        const c = param.control;
        if (c.kind === 'number') search.set(`${prefix}.${key}`, String(c.max + 1));
        else if (c.kind === 'choice') search.set(`${prefix}.${key}`, 'not-a-choice');
        else continue;
        refused.push(key);
      }
      expect(readState(schema, prefix, search)).toEqual({ state: defaultsOf(schema), rejected: refused });
    });
  });
}
