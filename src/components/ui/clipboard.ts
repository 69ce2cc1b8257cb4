/** Copying text for the reader: a figure's link or embed code, a BibTeX entry, the Lab's code. */

/** Copies `text`; resolves false when the browser refuses (no permission, no secure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
