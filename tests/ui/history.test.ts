import { describe, expect, it } from 'vitest';
import { CommandHistory } from '../../src/ui/logic/history';

describe('terminal command history', () => {
  it('goes back with up and forward with down, restoring the typed line', () => {
    const h = new CommandHistory();
    h.push('AT+VER');
    h.push('AT+CSQ');
    expect(h.up('AT+SN')).toBe('AT+CSQ');
    expect(h.up('AT+CSQ')).toBe('AT+VER');
    expect(h.up('AT+VER')).toBe('AT+VER');
    expect(h.down()).toBe('AT+CSQ');
    expect(h.down()).toBe('AT+SN');
    expect(h.down()).toBe('AT+SN');
  });

  it('stores a repeated command once and ignores blank lines', () => {
    const h = new CommandHistory();
    h.push('AT');
    h.push('AT');
    h.push('   ');
    expect(h.entries).toEqual(['AT']);
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const h = new CommandHistory(2);
    h.push('A');
    h.push('B');
    h.push('C');
    expect(h.entries).toEqual(['B', 'C']);
  });

  it('returns the current text when there is no history', () => {
    const h = new CommandHistory();
    expect(h.up('AT+')).toBe('AT+');
    expect(h.down()).toBe('AT+');
  });
});
