/**
 * Numbers a figure computed that are not in its state (chapter 8's per-sample errors, which
 * come from the model in a worker), published under a key for exercises to read.
 */
const values = new Map<string, unknown>();
const listeners = new Set<() => void>();

/** Publishes `value` under `key` and tells every listener. */
export function publish(key: string, value: unknown): void {
  values.set(key, value);
  for (const listener of listeners) listener();
}

/** The value published under `key`, if any. */
export function published(key: string): unknown {
  return values.get(key);
}

/** Calls `listener` after every publication; returns a function that stops it. */
export function onPublish(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
