/**
 * docs/security.md through the built app: `vite preview` sends the production header set, the build
 * holds no source map, a page of another origin cannot use the app in a frame (blocked by the headers;
 * where a host sends none, the app refuses by itself), and a saved profile with a password says so on its
 * card, can be encrypted and stripped, and is exported without it unless the person opts in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SECURITY_HEADERS } from '../../src/pwa/security-headers';
import { BOOT_TIMEOUT, openApp } from './ui-helpers';

/** The build being served (`E2E_DIST` when the preview serves another out dir than `dist`). */
const DIST = process.env.E2E_DIST ?? 'dist';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** A server on a free 127.0.0.1 port (another origin than the preview server's). */
async function serve(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('vite preview sends the production header set, and the build holds no source map', async ({
  request,
}) => {
  for (const path of ['/', '/sw.js']) {
    const response = await request.get(path);
    expect(response.ok()).toBe(true);
    const headers = response.headers();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
    }
  }
  const files = filesUnder(DIST);
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    expect(readFileSync(f, 'utf8'), f).not.toContain('sourceMappingURL');
  }
});

test('a page of another origin cannot drive the app in a frame', async ({ page, baseURL }) => {
  // The built app from a host that sends no headers (GitHub Pages, a plain file server)…
  const bare = await serve((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^\/+/,
      '',
    );
    let file = join(DIST, path || 'index.html');
    if (!file.startsWith(DIST) || !statSync(file, { throwIfNoEntry: false })?.isFile())
      file = join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  // …and a page of a third origin that frames it, and the preview server (which sends the headers).
  const evil = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>other site</title>
      <iframe id="bare" src="${bare.origin}/#connect" width="800" height="600"></iframe>
      <iframe id="headers" src="${baseURL ?? ''}/#connect" width="800" height="600"></iframe>`);
  });
  try {
    await page.goto(evil.origin);
    const framed = page.frameLocator('#bare');
    await expect(framed.getByTestId('framed-refusal')).toBeVisible();
    await expect(framed.getByTestId('framed-refusal')).toContainText(evil.origin);
    await expect(framed.locator('nav, dtu-connect-view, dtu-profiles-view, form')).toHaveCount(0);
    // The headers make the browser refuse the frame outright: no app document at all.
    await expect
      .poll(() => page.frames().find((f) => f.url().startsWith(baseURL ?? '-')) !== undefined)
      .toBe(false);
    await expect(page.frameLocator('#headers').locator('dtu-app')).toHaveCount(0);

    // The same header-less app opened in its own tab runs.
    const own = await page.context().newPage();
    await own.goto(`${bare.origin}/#connect`);
    await expect(own.locator('nav a[data-view="connect"]')).toBeVisible();
    await expect(own.getByTestId('framed-refusal')).toHaveCount(0);
    await own.close();
  } finally {
    bare.server.close();
    evil.server.close();
  }
});

/** Every record of every store of the app's database, as text. */
async function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('usr-7s4-configurator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: unknown[] = [];
          for (const name of names) {
            const r = tx.objectStore(name).getAll();
            r.onsuccess = () => out.push(name, r.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
        };
      }),
  );
}

test('a profile with a password is marked, exported without it by default, encrypted and stripped', async ({
  page,
}) => {
  await openApp(page, '#profiles');
  const card = page.locator('dtu-profile-card').filter({ hasText: 'Gateway with password' });

  await test.step('saving says it holds a password; the card says it is kept in clear', async () => {
    await page.getByTestId('profile-new').click();
    await page.getByTestId('profile-name').fill('Gateway with password');
    const box = page.locator('div.setting[data-setting="CMDPW"] input[type=checkbox]');
    await page.locator('dtu-profile-editor details').filter({ has: box }).locator('summary').click();
    await box.check();
    await page.locator('fieldset[data-setting="CMDPW"] input[type=password]').fill('k3y!Field');
    await expect(page.getByTestId('secrets-choice')).toContainText('Command password');
    await expect(page.getByTestId('secrets-keep-clear')).toBeChecked();
    await page.getByTestId('profile-save').click();
    await expect(card.getByTestId('profile-secrets-clear')).toContainText('Command password');
    await expect(page.getByTestId('secrets-panel-profiles')).toContainText('in clear: 1');
  });

  await test.step('export asks first, and leaves the password out unless ticked', async () => {
    await card.locator('button[data-action="export-json"]').click();
    await expect(page.getByTestId('export-withheld')).toContainText('Command password');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-download').click(),
    ]);
    const text = readFileSync(await file.path(), 'utf8');
    expect(text).toContain('Gateway with password');
    expect(text).not.toContain('k3y!Field');
  });

  await test.step('encrypt with a passphrase: nothing in clear is left in IndexedDB', async () => {
    await card.getByTestId('secrets-encrypt').click();
    await card.getByTestId('passphrase').fill('a long passphrase');
    await card.getByTestId('passphrase-repeat').fill('a long passphrase');
    await card.getByTestId('passphrase-submit').click();
    await expect(card.getByTestId('profile-secrets-sealed')).toContainText('Command password');
    const dump = await dumpDatabase(page);
    expect(dump).not.toContain('k3y!Field');
    expect(dump).not.toContain('a long passphrase');
  });

  await test.step('a wrong passphrase is refused cleanly; the right one unlocks', async () => {
    await card.getByTestId('secrets-unlock').click();
    await card.getByTestId('passphrase').fill('not the passphrase');
    await card.getByTestId('passphrase-submit').click();
    await expect(card.getByTestId('passphrase-error')).toContainText('does not open');
    await card.getByTestId('passphrase').fill('a long passphrase');
    await card.getByTestId('passphrase-submit').click();
    await expect(card.getByTestId('secrets-lock')).toBeVisible();
  });

  await test.step('remove passwords from all profiles at once', async () => {
    const panel = page.getByTestId('secrets-panel');
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open)))
      await panel.locator('summary').click();
    await page.getByTestId('secrets-remove-all').click();
    await page.getByTestId('secrets-remove-all-confirm').click();
    await expect(card.getByTestId('profile-secrets')).toHaveCount(0);
    await expect(page.getByTestId('secrets-panel-profiles')).toContainText('in clear: 0');
  });
});

test('reading the device without saving leaves no secret in IndexedDB', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page, '#profiles');
  await page.getByTestId('profile-connect-simulator').click();
  await page.getByTestId('profile-read-device').click({ timeout: BOOT_TIMEOUT });
  await expect(page.getByTestId('profile-device-read')).toBeVisible({ timeout: 30_000 });
  // The page has the values (the factory command password among them)…
  await page.getByTestId('profile-from-device').click();
  await page.getByTestId('include-all-device').click();
  await expect(page.locator('fieldset[data-setting="CMDPW"] input[type=password]')).toHaveValue('usr.cn');
  // …the database only knows the device was seen.
  await expect.poll(async () => (await dumpDatabase(page)).includes('"devices",[{')).toBe(true);
  const dump = await dumpDatabase(page);
  expect(dump).not.toContain('lastRead');
  expect(dump).not.toContain('"usr.cn"');
});
