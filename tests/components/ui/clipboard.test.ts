import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '../../../src/components/ui/clipboard.ts';

afterEach(() => vi.unstubAllGlobals());

describe('copyText(text)', () => {
  it('writes the text to the clipboard and resolves true', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyText('https://example.org/#fig')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://example.org/#fig');
  });

  it('resolves false when the browser refuses, or has no clipboard', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('NotAllowedError')) } });
    expect(await copyText('x')).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await copyText('x')).toBe(false);
  });
});
