/** The page's chapter 9 session, as the figures import it: safe at build time, and one session. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CROP } from '../../../../src/components/state/ch9.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the page’s session', () => {
  it('holds the session before anything is loaded, and fetches nothing when imported', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const session = await import('../../../../src/components/figures/blazepose/session.ts');
    const { INITIAL_SESSION } = await import('../../../../src/components/figures/blazepose/session/state.ts');
    expect(session.ch9Session.get()).toBe(INITIAL_SESSION);
    expect(session.defaultCrop()).toBe(DEFAULT_CROP);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is one session: what its functions do, its source shows', async () => {
    const session = await import('../../../../src/components/figures/blazepose/session.ts');
    const seen = vi.fn();
    const stop = session.ch9Session.subscribe(seen);
    session.setNotice('The camera was refused.');
    expect(session.ch9Session.get().notice).toBe('The camera was refused.');
    session.useBundledPhoto();
    expect(session.ch9Session.get().notice).toBeNull();
    expect(seen).toHaveBeenCalledTimes(2);
    stop();
    expect(typeof session.connectSession).toBe('function');
    expect(typeof session.requestModel).toBe('function');
    expect(typeof session.usePhoto).toBe('function');
  });
});
