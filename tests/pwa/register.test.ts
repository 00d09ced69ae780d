import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Register from '../../src/pwa/register';

type Listener = () => void;

class FakeWorkbox {
  static last: FakeWorkbox | undefined;
  static failRegister = false;
  readonly listeners = new Map<string, Listener[]>();
  skipWaitingSent = 0;
  updates = 0;
  constructor(
    readonly url: string,
    readonly options: unknown,
  ) {
    FakeWorkbox.last = this;
  }
  addEventListener(type: string, l: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
  }
  fire(type: string): void {
    for (const l of this.listeners.get(type) ?? []) l();
  }
  async register(): Promise<void> {
    if (FakeWorkbox.failRegister) throw new Error('404');
  }
  messageSkipWaiting(): void {
    this.skipWaitingSent++;
  }
  async update(): Promise<void> {
    this.updates++;
  }
}

vi.mock('workbox-window', () => ({ Workbox: FakeWorkbox }));

async function load(): Promise<typeof Register> {
  vi.resetModules();
  return import('../../src/pwa/register');
}

beforeEach(() => {
  FakeWorkbox.last = undefined;
  FakeWorkbox.failRegister = false;
  vi.stubGlobal('navigator', { serviceWorker: {} });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('service worker registration', () => {
  it('a browser without service workers is told so, and nothing is registered', async () => {
    vi.stubGlobal('navigator', {});
    const pwa = await load();
    expect(await pwa.registerServiceWorker({ inDevelopment: true })).toBe('unsupported');
    expect(FakeWorkbox.last).toBeUndefined();
  });

  it('the dev server registers nothing unless asked to', async () => {
    const pwa = await load();
    expect(await pwa.registerServiceWorker()).toBe('development');
    expect(FakeWorkbox.last).toBeUndefined();
  });

  it('registers sw.js under the base URL as a module worker, once', async () => {
    const pwa = await load();
    expect(await pwa.registerServiceWorker({ inDevelopment: true })).toBe('registered');
    expect(FakeWorkbox.last?.url).toBe('/sw.js');
    expect(FakeWorkbox.last?.options).toEqual({ type: 'module' });
    const first = FakeWorkbox.last;
    expect(await pwa.registerServiceWorker({ inDevelopment: true })).toBe('registered');
    expect(FakeWorkbox.last).toBe(first);
  });

  it('a failed registration is reported, not thrown', async () => {
    FakeWorkbox.failRegister = true;
    const pwa = await load();
    expect(await pwa.registerServiceWorker({ inDevelopment: true })).toBe('failed');
  });

  it('a waiting new version calls the update callbacks, including ones added later', async () => {
    const pwa = await load();
    await pwa.registerServiceWorker({ inDevelopment: true });
    const early = vi.fn();
    pwa.onUpdateAvailable(early);
    expect(pwa.isUpdateWaiting()).toBe(false);
    FakeWorkbox.last?.fire('waiting');
    expect(early).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    const off = pwa.onUpdateAvailable(late);
    expect(late).toHaveBeenCalledTimes(1);
    off();
    expect(pwa.isUpdateWaiting()).toBe(true);
  });

  it('applying the update sends skip-waiting and reloads only once the new version controls the page', async () => {
    const pwa = await load();
    const reload = vi.fn();
    await pwa.registerServiceWorker({ inDevelopment: true, reload });
    pwa.applyUpdate();
    expect(FakeWorkbox.last?.skipWaitingSent).toBe(0); // nothing waits yet
    FakeWorkbox.last?.fire('waiting');
    pwa.applyUpdate();
    expect(FakeWorkbox.last?.skipWaitingSent).toBe(1);
    expect(reload).not.toHaveBeenCalled();
    FakeWorkbox.last?.fire('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('checking for an update asks the registration', async () => {
    const pwa = await load();
    await pwa.checkForUpdate();
    await pwa.registerServiceWorker({ inDevelopment: true });
    await pwa.checkForUpdate();
    expect(FakeWorkbox.last?.updates).toBe(1);
  });
});
