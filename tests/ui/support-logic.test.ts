import { describe, expect, it } from 'vitest';
import { TrafficLog } from '../../src/session/traffic-log';
import { droppedOf } from '../../src/ui/support/bundle-source';
import { exchangeText } from '../../src/ui/support/replay-text';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('support view helpers', () => {
  it('what the session’s bounded log no longer holds comes from its export header', () => {
    const log = new TrafficLog({ maxBytes: 1024, maxEntries: 16 });
    for (let i = 0; i < 40; i++) log.add(i, 'rx', enc('0123456789'));
    expect(droppedOf(log.exportLog())).toEqual({ entries: 24, bytes: 240 });
    expect(droppedOf('not a log')).toEqual({ entries: 0, bytes: 0 });
  });

  it('an answer is one line to compare by eye: CR LF visible, ••••••, Chinese and stray bytes kept apart', () => {
    expect(exchangeText(enc('\r\n+CMDPW:••••••\r\n\r\nOK\r\n'))).toBe(
      '\\r\\n+CMDPW:••••••\\r\\n\\r\\nOK\\r\\n',
    );
    expect(exchangeText(enc('短信'))).toBe('短信');
    expect(exchangeText(new Uint8Array([0x41, 0xff, 0x00, 0x42]))).toBe('A\\xFF\\x00B');
    // A direction-changing character from a device is shown as its code, never applied.
    expect(exchangeText(enc('+SN:\u202E123'))).toBe('+SN:[U+202E]123');
  });
});
