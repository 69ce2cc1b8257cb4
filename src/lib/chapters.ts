/**
 * Reading order of chapters: pure helpers over the collection's entries, shared by the
 * index and the chapter pages.
 */
export interface ChapterRef {
  id: string;
  data: { title: string; order: number };
}

/** Chapters sorted by `order`; throws if two share an order (a typo that would hide one). */
export function readingOrder<T extends ChapterRef>(chapters: readonly T[]): T[] {
  const sorted = [...chapters].sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.data.order === sorted[i - 1]?.data.order) {
      throw new Error(`chapters ${sorted[i - 1]?.id} and ${sorted[i]?.id} share order ${sorted[i]?.data.order}`);
    }
  }
  return sorted;
}

/** The URL of a chapter page. */
export function chapterHref(chapter: ChapterRef): string {
  return `/chapters/${chapter.id}/`;
}

/** The chapters before and after `id` in reading order. */
export function neighbours<T extends ChapterRef>(
  ordered: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const i = ordered.findIndex((c) => c.id === id);
  return { previous: i > 0 ? ordered[i - 1] : undefined, next: i >= 0 ? ordered[i + 1] : undefined };
}
