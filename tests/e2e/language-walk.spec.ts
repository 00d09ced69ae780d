import { expect, test, type Page } from '@playwright/test';
import { connectSimulator, openApp, showView, waitIdle } from './ui-helpers';

test.setTimeout(180_000);

/**
 * Every message in both languages (issue "What the screen says is true"): every view, connected to the
 * simulator, and the failure paths the simulator can cause (a pulled cable, a device that is not a 7S4), walked
 * in Chinese and in English. In Chinese no English sentence may show; in English no Chinese character.
 * Device data (values, AT commands, the byte logs, hex) is the module's, not ours: those parts are left out.
 */
const VIEWS = [
  'connect',
  'dashboard',
  'settings',
  'changes',
  'terminal',
  'tools',
  'simulator',
  'profiles',
  'batch',
  'classroom',
  'support',
];

/** The page's visible text, shadow roots included, without device data (logs, inputs, code). */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SKIP = new Set([
      'SCRIPT',
      'STYLE',
      'CODE',
      'PRE',
      'TEXTAREA',
      'INPUT',
      'SELECT',
      'OPTION',
      'DTU-BYTE-LOG',
    ]);
    const out: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (text && parent && parent.offsetParent !== null) out.push(text);
        return;
      }
      if (!(node instanceof Element)) {
        node.childNodes.forEach(walk);
        return;
      }
      if (SKIP.has(node.tagName) || node.closest('[data-device-data], [translate="no"]')) return;
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    return out;
  });
}

/**
 * An English sentence: three or more English words in a row. Names that stay as they are in Chinese text
 * (product names, command names, units, protocol words) are taken out first.
 */
const KEEP = [
  /USR-LTE-7S4|USR-7S4|USR Cloud|USR|DTU|Web Serial|Chrome|Edge|Opera|Chromium|Firefox|Safari|Windows|Linux|macOS/g,
  /\bAT\+?[A-Z0-9]*\b|\+\+\+|\bSOCK[A-D]\w*|\b[A-Z]{2,}[A-Z0-9]*\b/g,
  /\b(TCP|UDP|HTTP|HTTPD|GET|POST|NET|ON|OFF|LONG|SHORT|USER|ICCID|IMEI|CLOUD|CSQ|SN|SMS|APN|PWR|WORK|LINK[AB]?|LTE|GSM|WCDMA|Reload|RFC2217|QR|JSON|CSV|hex|ASCII|UTF-8|dBm|ms|bps|baud|KB|MB|s)\b/gi,
  /[\w.-]+\.(usr\.cn|invalid|cn|com)\b|\bhttps?:\/\/\S+/g,
];
function englishSentence(text: string): string | undefined {
  let t = text;
  for (const k of KEEP) t = t.replace(k, ' ');
  const m = /\b[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+){2,}/.exec(t);
  return m?.[0];
}
const chinese = (text: string): boolean => /[\u3400-\u9fff]/.test(text);

async function walk(page: Page, lang: 'zh' | 'en', where: string, found: string[]): Promise<void> {
  const texts = await visibleText(page);
  expect(texts.length, `text found on ${where}`).toBeGreaterThan(10);
  for (const text of texts) {
    if (lang === 'zh') {
      const s = englishSentence(text);
      if (s) found.push(`${where}: "${s}" in "${text.slice(0, 120)}"`);
    } else if (chinese(text)) {
      found.push(`${where}: "${text.slice(0, 120)}"`);
    }
  }
}

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: every view and the simulator's failure paths show only ${lang === 'zh' ? 'Chinese' : 'English'} words of ours`, async ({
    page,
  }) => {
    const found: string[] = [];
    await openApp(page, '#connect', lang);
    await connectSimulator(page);
    for (const view of VIEWS) {
      await showView(page, view);
      await waitIdle(page, 60_000);
      await page.waitForLoadState('networkidle');
      await walk(page, lang, view, found);
    }

    await test.step('a pulled cable: the help', async () => {
      await showView(page, 'simulator');
      await page.getByTestId('unplug').click();
      await expect(page.getByRole('dialog')).toBeVisible({ timeout: 15_000 });
      await walk(page, lang, 'unplugged help', found);
    });

    await test.step('a device that is not a USR-LTE-7S4: the help', async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      await showView(page, 'simulator');
      await page.getByTestId('unplug').click(); // the cable back in (sim-panel: it stays out until then)
      await page.getByTestId('broken-spam-ok').check();
      await showView(page, 'connect');
      await page.locator('dtu-connect-view form button[type=submit]').click();
      const help = page.getByTestId('help-dialog');
      await expect(help).toHaveAttribute('data-kind', 'not-a-7s4', { timeout: 30_000 });
      await walk(page, lang, 'not-a-7s4 help', found);
    });

    expect(found, found.join('\n')).toEqual([]);
  });
}
