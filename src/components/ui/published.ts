/**
 * Numbers a figure computed that are not in its state (chapter 8's per-sample errors, which come
 * from the model in a worker; chapter 10's builders), published for exercises to read. A
 * publication is a typed key: `publication<T>(name)` declares it once, next to its type; the figure
 * publishes a `T` under it (a spec's `publishes` part, or `publish`), and the exercise reads a
 * `T | undefined` back with no cast.
 *
 * ```ts
 * export const CH10_UDP = publication<(s: UdpState) => UdpGridData>('ch10:udp');
 * publish(CH10_UDP, build);            // the figure
 * const build = published(CH10_UDP);   // the exercise: ((s: UdpState) => UdpGridData) | undefined
 * ```
 */

/** A typed key under which one kind of value is published. */
export interface Publication<T> {
  readonly name: string;
  /** Carries `T` for the type checker only; never set. */
  readonly type?: T;
}

/** Declares a publication named `name` (unique on a page) of values of type `T`. */
export function publication<T>(name: string): Publication<T> {
  return { name };
}

/** Reads what has been published, by typed key. */
export type PublishedReader = <T>(key: Publication<T>) => T | undefined;

const values = new Map<string, unknown>();
const listeners = new Set<() => void>();

/** Publishes `value` under `key` and tells every listener. */
export function publish<T>(key: Publication<T>, value: T): void {
  values.set(key.name, value);
  for (const listener of listeners) listener();
}

/** The value published under `key`, if any. */
export const published: PublishedReader = <T>(key: Publication<T>): T | undefined =>
  values.get(key.name) as T | undefined;

/** Calls `listener` after every publication; returns a function that stops it. */
export function onPublish(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
