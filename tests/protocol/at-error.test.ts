import { describe, expect, it } from 'vitest';
import { errorMeaning, formatErrorReply, parseErrorLine } from '../../src/protocol/at-error';

describe('parseErrorLine: every variant module-behaviour.md says to tolerate', () => {
  const cases: readonly (readonly [string, 'err' | 'cme' | 'error', number | undefined])[] = [
    ['+ERR:1', 'err', 1],
    ['+ERR: 1', 'err', 1],
    ['ERR1', 'err', 1],
    ['Err1', 'err', 1],
    ['err2', 'err', 2],
    ['ERR:3', 'err', 3],
    ['+ERR:4', 'err', 4],
    ['+ERR:5', 'err', 5],
    ['ERROR', 'error', undefined],
    ['error', 'error', undefined],
    ['+CME ERROR:58', 'cme', 58],
    ['+CME ERROR: 58', 'cme', 58],
    ['  +ERR:2 ', 'err', 2],
  ];
  for (const [line, family, code] of cases) {
    it(`reads ${JSON.stringify(line)} as ${family} ${code ?? '(no code)'}`, () => {
      const e = parseErrorLine(line);
      expect(e).toBeDefined();
      expect(e?.family).toBe(family);
      expect(e?.code).toBe(code);
      expect(e?.raw).toBe(line);
    });
  }

  it('keeps a verbose +CME ERROR text without a code', () => {
    const e = parseErrorLine('+CME ERROR: SIM not inserted');
    expect(e?.family).toBe('cme');
    expect(e?.code).toBeUndefined();
    expect(e?.meaning.en).toContain('SIM not inserted');
  });

  for (const line of ['OK', '+ERRX:1', '+VER:ERR1', 'ERRORS', 'ERR', '+CSQ: 27,99', '', 'ERR1 2']) {
    it(`does not read ${JSON.stringify(line)} as an error`, () => {
      expect(parseErrorLine(line)).toBeUndefined();
    });
  }
});

describe('error meanings (3.1.7 table 15, sibling Err5)', () => {
  it('ERR1 means not an AT command format (does not start with AT)', () => {
    expect(parseErrorLine('+ERR:1')?.meaning).toEqual({
      en: 'Not an AT command: the line does not start with AT',
      zh: '不符合 AT 指令格式，不是 AT 开头',
    });
  });
  it('ERR2 means command not found', () => {
    expect(parseErrorLine('ERR2')?.meaning.zh).toBe('该 AT 指令未找到，不存在');
    expect(parseErrorLine('ERR2')?.meaning.en).toMatch(/not found/);
  });
  it('ERR3 means wrong query/set format', () => {
    expect(parseErrorLine('Err3')?.meaning.zh).toBe('该 AT 指令不符合查询或设置的格式');
    expect(parseErrorLine('Err3')?.meaning.en).toMatch(/query or set format/);
  });
  it('ERR4 means parameter range or count wrong', () => {
    expect(parseErrorLine('+ERR: 4')?.meaning.zh).toBe('参数范围或者数量错误');
    expect(parseErrorLine('+ERR: 4')?.meaning.en).toMatch(/out of range.*number of parameters/);
  });
  it('ERR5 means setting failed (sibling products)', () => {
    expect(parseErrorLine('+ERR:5')?.meaning).toEqual({ en: 'Setting failed', zh: '设置失败' });
  });
  it('an unlisted ERR code is an unknown error with its number', () => {
    expect(parseErrorLine('+ERR:9')?.meaning).toEqual({ en: 'Unknown error 9', zh: '未知错误 9' });
  });
  it('+CME ERROR:58 means module error 58', () => {
    expect(parseErrorLine('+CME ERROR:58')?.meaning).toEqual({ en: 'Module error 58', zh: '模块错误 58' });
  });
  it('plain ERROR has a meaning in both languages', () => {
    expect(errorMeaning('error', undefined).en).toMatch(/ERROR/);
    expect(errorMeaning('error', undefined).zh).toMatch(/ERROR/);
  });
});

describe('formatErrorReply (module-behaviour.md: the simulator sends \\r\\n+ERR:<n>\\r\\n)', () => {
  it('formats ERR1…ERR4 as the simulator sends them', () => {
    expect(formatErrorReply(1)).toBe('\r\n+ERR:1\r\n');
    expect(formatErrorReply(4)).toBe('\r\n+ERR:4\r\n');
  });
  it('round-trips through parseErrorLine', () => {
    for (const code of [1, 2, 3, 4, 5]) {
      expect(parseErrorLine(formatErrorReply(code).trim())?.code).toBe(code);
    }
  });
  it('refuses a code that is not a whole number', () => {
    expect(() => formatErrorReply(-1)).toThrow(RangeError);
    expect(() => formatErrorReply(1.5)).toThrow(RangeError);
  });
});
