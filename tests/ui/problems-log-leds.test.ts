import { describe, expect, it } from 'vitest';
import { disconnectedError, openError, requestError } from '../../src/serial/port-error';
import { blinkPeriodMs, netBlinksFor } from '../../src/ui/logic/leds';
import { helpTopics, problemFrom, simulatorHelps } from '../../src/ui/logic/problems';
import { entryText, formatTime, logFileName } from '../../src/ui/logic/traffic-log';

const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('failure help', () => {
  it('keeps the kind, text and advice of a port error', () => {
    const p = problemFrom(requestError(named('NotFoundError'), 'linux'));
    expect(p.kind).toBe('nothing-picked');
    expect(p.advice.en).toMatch(/dialout/);
    expect(p.advice.zh).toMatch(/dialout/);
  });

  it('maps a busy port and an unplugged cable', () => {
    expect(problemFrom(openError(named('NetworkError', 'Failed to open serial port.'), 'windows')).kind).toBe(
      'port-busy',
    );
    expect(problemFrom(disconnectedError()).kind).toBe('disconnected');
  });

  it('turns anything else into unknown with the message as detail', () => {
    expect(problemFrom(new Error('boom'))).toMatchObject({ kind: 'unknown', detail: 'boom' });
    expect(problemFrom('text')).toMatchObject({ kind: 'unknown', detail: 'text' });
  });

  it('offers Linux permissions only on Linux, drivers when no port was picked', () => {
    expect(helpTopics('nothing-picked', true)).toEqual(['drivers', 'linux', 'simulator']);
    expect(helpTopics('nothing-picked', false)).toEqual(['drivers', 'simulator']);
    expect(helpTopics('permission-denied', true)).toEqual(['linux']);
    expect(helpTopics('unsupported', false)).toContain('browsers');
  });

  it('suggests the simulator where the browser or the hardware is missing', () => {
    expect(simulatorHelps('unsupported')).toBe(true);
    expect(simulatorHelps('insecure-context')).toBe(true);
    expect(simulatorHelps('port-busy')).toBe(false);
  });
});

describe('NET light (2.3.7, table 8)', () => {
  it('blinks 2/3/4 times a second on 2G/3G/4G and is off without network', () => {
    expect(netBlinksFor('GSM/GPRS')).toBe(2);
    expect(netBlinksFor('WCDMA')).toBe(3);
    expect(netBlinksFor('TD-SCDMA')).toBe(3);
    expect(netBlinksFor('LTE')).toBe(4);
    expect(netBlinksFor('No Network')).toBe(0);
    expect(netBlinksFor(undefined)).toBe(0);
    expect(blinkPeriodMs(4)).toBe(250);
    expect(blinkPeriodMs(0)).toBe(0);
  });
});

describe('traffic log on screen', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('shows time in seconds and bytes as text or hex; notes stay text', () => {
    expect(formatTime(1234)).toBe('    1.234');
    expect(entryText({ at: 0, dir: 'tx', bytes: enc('AT+VER\r') }, 'hex')).toBe('41 54 2B 56 45 52 0D');
    expect(entryText({ at: 0, dir: 'tx', bytes: enc('AT+VER\r') }, 'text')).toBe('AT+VER↵');
    expect(entryText({ at: 0, dir: 'note', bytes: enc('open 115200 8N1') }, 'hex')).toBe('open 115200 8N1');
  });

  it('names the download after the date and time', () => {
    expect(logFileName(new Date(2024, 0, 31, 15, 45, 2))).toBe('dtu-log-20240131-154502.jsonl');
  });
});
