import { describe, expect, it } from 'vitest';
import {
  collectReply,
  infoValue,
  ReplyAssembler,
  ReplyParser,
  type ReplyEvent,
} from '../../src/protocol/reply-parser';
import { bytes, hex, summarize, TRANSCRIPTS, type Step } from './transcripts';

/** Runs steps through a fresh parser; `split(data)` cuts each byte step into the chunks actually pushed. */
function run(
  steps: readonly Step[],
  split: (data: Uint8Array, stepIndex: number) => Uint8Array[],
): ReplyEvent[] {
  const parser = new ReplyParser();
  const events: ReplyEvent[] = [];
  steps.forEach((step, index) => {
    switch (step.op) {
      case 'expect':
        events.push(...parser.expect(step.command));
        break;
      case 'entry':
        events.push(...parser.expectEntry());
        break;
      case 'idle':
        events.push(...parser.idle());
        break;
      case 'bytes':
        for (const chunk of split(step.data, index)) events.push(...parser.push(chunk));
        break;
    }
  });
  return events;
}

const whole = (data: Uint8Array): Uint8Array[] => [data];
const byteByByte = (data: Uint8Array): Uint8Array[] => [...data].map((b) => Uint8Array.of(b));

describe('ReplyParser on manual transcripts (3.1.6.3, 3.1.7, module-behaviour.md)', () => {
  it('has a transcript for every reply format, error variant, unsolicited and entry case', () => {
    expect(TRANSCRIPTS.length).toBeGreaterThan(200);
    expect(new Set(TRANSCRIPTS.map((t) => t.name)).size).toBe(TRANSCRIPTS.length);
  });

  for (const t of TRANSCRIPTS) {
    describe(`${t.name} (${t.source})`, () => {
      it('gives the expected events when fed whole', () => {
        expect(summarize(run(t.steps, whole))).toEqual(t.events);
      });

      it('gives the same events fed byte by byte', () => {
        expect(summarize(run(t.steps, byteByByte))).toEqual(t.events);
      });

      it('gives the same events split at every single byte boundary', () => {
        t.steps.forEach((step, target) => {
          if (step.op !== 'bytes') return;
          for (let cut = 1; cut < step.data.length; cut++) {
            const events = run(t.steps, (data, index) =>
              index === target ? [data.subarray(0, cut), data.subarray(cut)] : [data],
            );
            expect(summarize(events), `step ${target} cut at ${cut}`).toEqual(t.events);
          }
        });
      });
    });
  }
});

describe('ReplyParser: unsolicited data (module-behaviour.md, 2.3.2)', () => {
  it('passes heartbeat bytes www.usr.cn that arrive while idle on as unsolicited, never as info', () => {
    const parser = new ReplyParser();
    const events = parser.push(bytes('www.usr.cn'));
    expect(events).toEqual([{ type: 'unsolicited', bytes: bytes('www.usr.cn') }]);
    expect(events.some((e) => e.type === 'info')).toBe(false);
  });

  it('passes idle bytes on at once, one event per push, without waiting for a line end', () => {
    const parser = new ReplyParser();
    expect(parser.push(bytes('ww'))).toEqual([{ type: 'unsolicited', bytes: bytes('ww') }]);
    expect(parser.push(bytes('w.usr.cn'))).toEqual([{ type: 'unsolicited', bytes: bytes('w.usr.cn') }]);
  });

  it('keeps binary data while idle byte for byte (no UTF-8 decoding)', () => {
    const parser = new ReplyParser();
    const data = Uint8Array.from({ length: 256 }, (_, i) => i);
    const events = parser.push(data);
    expect(events).toHaveLength(1);
    expect(events[0]?.type === 'unsolicited' && hex(events[0].bytes)).toBe(hex(data));
  });

  it('goes idle by itself after OK so the rest of the chunk stays data (3.1.3 password AT)', () => {
    const parser = new ReplyParser();
    parser.expect('usr.cnAT+VER');
    const events = parser.push(bytes('\r\nOK\r\n+CSQ:1,1\r\n'));
    expect(summarize(events)).toEqual([
      { type: 'ok' },
      { type: 'unsolicited', hex: hex(bytes('+CSQ:1,1\r\n')) },
    ]);
    expect(parser.state).toBe('idle');
  });
});

describe('ReplyParser: modes and leftovers', () => {
  it('reports its state: idle, command, entry', () => {
    const parser = new ReplyParser();
    expect(parser.state).toBe('idle');
    parser.expect('AT');
    expect(parser.state).toBe('command');
    parser.expectEntry();
    expect(parser.state).toBe('entry');
    parser.idle();
    expect(parser.state).toBe('idle');
  });

  it('hands an unfinished reply line back as unsolicited bytes when the session gives up (idle)', () => {
    const parser = new ReplyParser();
    parser.expect('AT+VER');
    expect(parser.push(bytes('\r\n+VER:V1.'))).toEqual([]);
    expect(parser.idle()).toEqual([{ type: 'unsolicited', bytes: bytes('+VER:V1.') }]);
    expect(parser.push(bytes('0.5\r\n'))).toEqual([{ type: 'unsolicited', bytes: bytes('0.5\r\n') }]);
  });

  it('hands an unfinished reply back when the next command is expected, then reads the new reply', () => {
    const parser = new ReplyParser();
    parser.expect('AT+VER');
    parser.push(bytes('\r\n+VER:V1.'));
    expect(parser.expect('AT')).toEqual([{ type: 'unsolicited', bytes: bytes('+VER:V1.') }]);
    expect(summarize(parser.push(bytes('\r\nOK\r\n')))).toEqual([{ type: 'ok' }]);
  });

  it('hands a partial +ok back as unsolicited bytes when entry is abandoned (3.1.2)', () => {
    const parser = new ReplyParser();
    parser.expectEntry();
    expect(parser.push(bytes('a'))).toEqual([{ type: 'entry-a' }]);
    expect(parser.push(bytes('+o'))).toEqual([]);
    expect(parser.idle()).toEqual([{ type: 'unsolicited', bytes: bytes('+o') }]);
  });

  it('does not see an entry a in bytes while idle', () => {
    const parser = new ReplyParser();
    expect(parser.push(bytes('a+ok'))).toEqual([{ type: 'unsolicited', bytes: bytes('a+ok') }]);
  });

  it('gives +ERR:1 as an error when +++ reaches a module already in command mode and AT is probed (3.1.2)', () => {
    const parser = new ReplyParser();
    parser.expect('+++');
    expect(summarize(parser.push(bytes('+++\r\n+ERR:1\r\n')))).toEqual([
      { type: 'echo', line: '+++' },
      { type: 'error', family: 'err', code: 1 },
    ]);
  });

  it('does not read lines while idle even after a command completed', () => {
    const parser = new ReplyParser();
    parser.expect('AT');
    parser.push(bytes('\r\nOK\r\n'));
    expect(summarize(parser.push(bytes('\r\nOK\r\n')))).toEqual([
      { type: 'unsolicited', hex: hex(bytes('\r\nOK\r\n')) },
    ]);
  });
});

describe('ReplyParser: line guard', () => {
  it('emits a 4096-byte line without line end as text and clears its buffer', () => {
    const parser = new ReplyParser();
    parser.expect('AT+H');
    const long = 'x'.repeat(4096);
    const events = parser.push(bytes(long + 'yz\r\nOK\r\n'));
    expect(summarize(events)).toEqual([
      { type: 'text', line: long },
      { type: 'text', line: 'yz' },
      { type: 'ok' },
    ]);
  });

  it('never holds more than maxLineBytes however long the line', () => {
    const parser = new ReplyParser({ maxLineBytes: 64 });
    parser.expect('AT+H');
    const events = parser.push(bytes('z'.repeat(64 * 100)));
    expect(events).toHaveLength(100);
    expect(events.every((e) => e.type === 'text' && e.line.length === 64)).toBe(true);
  });
});

describe('ReplyParser: info lines (table 13, module-behaviour.md)', () => {
  const one = (line: string): ReplyEvent[] => {
    const parser = new ReplyParser();
    parser.expect('AT+X');
    return parser.push(bytes(`\r\n${line}\r\n`));
  };

  it('reads +CMD:value, +CMD: value and + CMD : value alike', () => {
    for (const line of ['+SOCKA:TCP,a,1', '+SOCKA: TCP,a,1', '+ SOCKA : TCP,a,1', '+socka:TCP,a,1']) {
      expect(one(line)).toEqual([{ type: 'info', name: 'SOCKA', value: 'TCP,a,1' }]);
    }
  });

  it('keeps an empty value (+APN:,,)', () => {
    expect(one('+CMDPW:')).toEqual([{ type: 'info', name: 'CMDPW', value: '' }]);
  });

  it('reads +OK as OK and +ERR=-4 as Err4 (USR-G761w, N668, WIFI232 firmware)', () => {
    expect(one('+OK')).toEqual([{ type: 'ok' }]);
    expect(one('+ERR=-4')).toEqual([
      { type: 'error', error: expect.objectContaining({ code: 4, family: 'err' }) },
    ]);
  });

  it('keeps a non-info line as text', () => {
    expect(one('+OKAY')).toEqual([{ type: 'text', line: '+OKAY' }]);
    expect(one('OKAY')).toEqual([{ type: 'text', line: 'OKAY' }]);
  });

  it('reads an error line before an info line (+ERR:1 and +CME ERROR: 58 are not info)', () => {
    expect(summarize(one('+ERR:1'))).toEqual([{ type: 'error', family: 'err', code: 1 }]);
    expect(summarize(one('+CME ERROR: 58'))).toEqual([{ type: 'error', family: 'cme', code: 58 }]);
  });
});

describe('ReplyAssembler and collectReply', () => {
  it('assembles echo, info and text until OK (table 13 type 1)', () => {
    const parser = new ReplyParser();
    parser.expect('AT+VER');
    const events = parser.push(bytes('AT+VER\r\r\n+VER:V1.0.5\r\nnote\r\n\r\nOK\r\n'));
    const reply = collectReply(events);
    expect(reply).toEqual({
      status: 'ok',
      echo: 'AT+VER',
      info: [{ name: 'VER', value: 'V1.0.5' }],
      text: ['note'],
    });
    expect(reply && infoValue(reply, 'ver')).toBe('V1.0.5');
  });

  it('assembles an error reply with its typed error (table 15)', () => {
    const reply = collectReply([
      { type: 'echo', line: 'AT+X' },
      { type: 'unsolicited', bytes: bytes('zz') },
      {
        type: 'error',
        error: { code: 2, family: 'err', raw: '+ERR:2', meaning: { en: 'x', zh: 'x' } },
      },
    ]);
    expect(reply?.status).toBe('error');
    expect(reply?.status === 'error' && reply.error.code).toBe(2);
    expect(reply?.echo).toBe('AT+X');
  });

  it('gives nothing until a terminal event arrives, then starts afresh', () => {
    const assembler = new ReplyAssembler();
    expect(assembler.add({ type: 'info', name: 'A', value: '1' })).toBeUndefined();
    expect(assembler.add({ type: 'entry-a' })).toBeUndefined();
    expect(assembler.add({ type: 'ok' })).toEqual({
      status: 'ok',
      echo: undefined,
      info: [{ name: 'A', value: '1' }],
      text: [],
    });
    expect(assembler.add({ type: 'ok' })).toEqual({ status: 'ok', echo: undefined, info: [], text: [] });
  });

  it('collectReply gives undefined without OK or error (the manual format lines without OK)', () => {
    expect(collectReply([{ type: 'info', name: 'VER', value: 'V1' }])).toBeUndefined();
  });
});

describe('firmware variants the parser must survive (module-behaviour.md)', () => {
  it('an "a" inside a line of text while waiting for +++ is not the module\'s a', () => {
    const parser = new ReplyParser();
    parser.expectEntry();
    const events = parser.push(bytes('\r\n[USR] no data, communication timeout reset\r\n'));
    expect(events.some((e) => e.type === 'entry-a')).toBe(false);
    expect(parser.push(bytes('a'))).toEqual([{ type: 'entry-a' }]);
  });

  it("the module's a, the last byte to arrive, is read after server data with no line end", () => {
    const parser = new ReplyParser();
    parser.expectEntry();
    expect(parser.push(bytes('data2')).some((e) => e.type === 'entry-a')).toBe(false);
    expect(parser.push(bytes('xyz')).some((e) => e.type === 'entry-a')).toBe(false);
    expect(parser.push(bytes('more-data-a'))).toEqual([
      { type: 'unsolicited', bytes: bytes('more-data-') },
      { type: 'entry-a' },
    ]);
  });

  it('a +NAME line that came before our own echo is not our answer (a stale, late one)', () => {
    const parser = new ReplyParser();
    parser.expect('AT+CSQ?');
    const events = parser.push(bytes('\r\n+CSQ:5,99\r\nAT+CSQ?\r\r\n+CSQ:27,99\r\n\r\nOK\r\n'));
    const answer = collectReply(events);
    expect(answer && infoValue(answer, 'CSQ')).toBe('27,99');
  });

  it('without echo, the last +NAME line of the answer is ours', () => {
    const parser = new ReplyParser();
    parser.expect('AT+CSQ?');
    const answer = collectReply(parser.push(bytes('\r\n+CSQ:5,99\r\n\r\n+CSQ:27,99\r\n\r\nOK\r\n')));
    expect(answer && infoValue(answer, 'CSQ')).toBe('27,99');
  });
});
