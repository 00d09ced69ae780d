import { describe, expect, it } from 'vitest';
import { format, initialLang, langTag, parseLang, pick } from '../../src/ui/i18n/language';
import { CONTROLS } from '../../src/protocol/controls';
import { AUTO_DETECT } from '../../src/ui/auto-detect/strings';
import { pluralize } from '../../src/ui/i18n/plural';
import { S } from '../../src/ui/i18n/strings';
import { RAW_MODE } from '../../src/ui/raw-mode/strings';
import { RESTART_NOTICE } from '../../src/ui/restart-notice/strings';
import { placeholders, textPairs } from './text-pairs';

describe('language choice', () => {
  it('reads stored and browser tags', () => {
    expect(parseLang('zh-CN')).toBe('zh');
    expect(parseLang('zh-Hans-CN')).toBe('zh');
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(parseLang(null)).toBeUndefined();
  });

  it('prefers the remembered choice over the browser', () => {
    expect(initialLang('en', ['zh-CN'])).toBe('en');
    expect(initialLang('zh', ['en-US'])).toBe('zh');
  });

  it('takes the first browser language it speaks, else English', () => {
    expect(initialLang(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh');
    expect(initialLang(null, ['de'])).toBe('en');
    expect(initialLang('garbage', [])).toBe('en');
  });

  it('picks and formats Text pairs', () => {
    expect(pick(S.nav.settings, 'zh')).toBe('参数设置');
    expect(format(S.nav.settings, 'en', {})).toBe('Settings');
    expect(pluralize(S.nav.pendingBadge, 'en', 3)).toBe('3 pending changes');
    expect(pluralize(S.nav.pendingBadge, 'en', 1)).toBe('1 pending change');
    expect(pluralize(S.nav.pendingBadge, 'zh', 1)).toBe('1 项待写入');
    expect(format({ en: '{a} {b}', zh: '' }, 'en', { a: 1 })).toBe('1 {b}');
    expect(langTag('zh')).toBe('zh-CN');
  });
});

/** Every string pair has both languages filled and the same placeholders. */
describe('UI strings', () => {
  const pairs = textPairs({ S, AUTO_DETECT, RAW_MODE, RESTART_NOTICE });

  it('has a non-empty English and Chinese text for every string', () => {
    expect(pairs.length).toBeGreaterThan(200);
    for (const [path, text] of pairs) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text.zh.trim(), path).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [path, text] of pairs) expect(placeholders(text.zh), path).toEqual(placeholders(text.en));
  });
});

/** Advice from the session names controls ("try Detect automatically"): the screen shows the same words. */
describe('controls named in advice', () => {
  it('are labelled with the texts of protocol/controls.ts', () => {
    expect(S.connect.connect).toBe(CONTROLS.connect);
    expect(S.connect.disconnect).toBe(CONTROLS.disconnect);
    expect(S.state.disconnect).toBe(CONTROLS.disconnect);
    expect(S.connect.auto).toBe(CONTROLS.autoDetect);
    expect(S.settings.read).toBe(CONTROLS.readAll);
    expect(S.nav.settings).toBe(CONTROLS.settingsView);
    expect(S.settings.heading).toBe(CONTROLS.settingsView);
    expect(S.settings.controlLabels['UARTFT']).toBe(CONTROLS.packingInterval);
    expect(S.settings.controlLabels['UARTFL']).toBe(CONTROLS.packingLength);
    expect(S.settings.controlLabels['CMDPW']).toBe(CONTROLS.commandPassword);
    expect(S.terminal.password).toBe(CONTROLS.commandPassword);
    expect(S.terminal.passwordMode).toBe(CONTROLS.passwordAccess);
    expect(S.terminal.rawMode).toBe(CONTROLS.rawMode);
  });
});
