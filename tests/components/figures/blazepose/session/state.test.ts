/** What chapter 9's session holds before anything is loaded, and how it changes. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ASTRONAUT_SIZE } from '../../../../../src/lib/index.ts';

const fresh = () => import('../../../../../src/components/figures/blazepose/session/state.ts');
beforeEach(() => vi.resetModules());

describe('the session before anything is loaded', () => {
  it('has no model, no run, and the bundled photo without its pixels', async () => {
    const { BUNDLED_PHOTO, ch9Session, INITIAL_SESSION } = await fresh();
    expect(ch9Session.get()).toBe(INITIAL_SESSION);
    expect(INITIAL_SESSION).toEqual({
      model: { status: 'idle' },
      photo: BUNDLED_PHOTO,
      notice: null,
      run: null,
      sweep: null,
      busy: null,
      times: { runs: 0, medianMs: null, firstMs: null },
    });
    expect(BUNDLED_PHOTO).toMatchObject({ id: 0, source: 'photo', ...ASTRONAUT_SIZE, pixels: null, preview: null });
  });
});

describe('update and setNotice', () => {
  it('replace the value with each patch, keep the rest by identity, and tell the listeners', async () => {
    const { ch9Session, INITIAL_SESSION, setNotice, update } = await fresh();
    const listener = vi.fn();
    ch9Session.subscribe(listener);
    setNotice('hello');
    const after = ch9Session.get();
    expect(after).not.toBe(INITIAL_SESSION);
    expect(after).toEqual({ ...INITIAL_SESSION, notice: 'hello' });
    expect(after.photo).toBe(INITIAL_SESSION.photo);
    expect(INITIAL_SESSION.notice).toBeNull();
    update({ busy: 'run' });
    expect(ch9Session.get()).toMatchObject({ notice: 'hello', busy: 'run' });
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
