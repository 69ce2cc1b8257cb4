/** The service worker's registration: in a build only, once the page has loaded, and quietly refused. */
import { afterEach, describe, expect, it, vi } from 'vitest';

function browser(register: () => Promise<unknown>) {
  const listeners: Record<string, () => void> = {};
  vi.stubGlobal('navigator', { serviceWorker: { register } });
  vi.stubGlobal('window', { addEventListener: (type: string, l: () => void) => (listeners[type] = l) });
  return listeners;
}

async function load(): Promise<void> {
  vi.resetModules();
  await import('../../../src/components/chrome/register-sw.ts');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('register-sw', () => {
  it('registers /sw.js once the page has loaded, in a build', async () => {
    vi.stubEnv('PROD', true);
    const register = vi.fn(async () => ({}));
    const listeners = browser(register);
    await load();
    expect(register).not.toHaveBeenCalled();
    listeners.load!();
    expect(register).toHaveBeenCalledWith('/sw.js');
  });

  it('leaves a refused registration unsaid', async () => {
    vi.stubEnv('PROD', true);
    const refused = Promise.reject(new Error('SecurityError'));
    const handled = vi.spyOn(refused, 'catch');
    const listeners = browser(() => refused);
    await load();
    listeners.load!();
    expect(handled).toHaveBeenCalledTimes(1);
    // The handler swallows the refusal: the promise it returns resolves.
    await expect(handled.mock.results[0]!.value).resolves.toBeUndefined();
  });

  it('registers nothing in development', async () => {
    vi.stubEnv('PROD', false);
    const listeners = browser(vi.fn());
    await load();
    expect(listeners.load).toBeUndefined();
  });

  it('registers nothing in a browser without service workers', async () => {
    vi.stubEnv('PROD', true);
    const listeners: Record<string, () => void> = {};
    vi.stubGlobal('navigator', {});
    vi.stubGlobal('window', { addEventListener: (type: string, l: () => void) => (listeners[type] = l) });
    await load();
    expect(listeners.load).toBeUndefined();
  });
});
