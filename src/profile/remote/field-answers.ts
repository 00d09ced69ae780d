/**
 * The field module's answers to the query payloads (field-queries.ts), pasted as they came: SMS replies
 * copied from a phone, lines a server received — several answers, in any order, with or without blank
 * lines, CR LF or LF. Each line is read by the protocol's own reply parser (protocol/reply-parser.ts), so
 * the firmware variants a session survives are read here too (module-behaviour.md): `+NAME:value` with
 * `OK`, without it (USR-G761w), `+OK`, a blank after the colon. Values come out canonical (the catalogue's
 * `validateValue`), the form the plan compares.
 *
 * The echo of one of the queries (a module with echo on sends it first) is passed over.
 *
 * Strict: a line that is not an answer, an answer the catalogue cannot read, two answers that disagree,
 * and a setting of the profile that got no answer are each a problem, named by line or setting. The
 * answers are a baseline only when there is none — a guessed baseline would send too little.
 *
 * Answers can hold passwords (APN, cloud): a problem never quotes a secret value in clear.
 */
import { findCommand } from '../../protocol/catalogue';
import { ReplyParser, type ReplyEvent } from '../../protocol/reply-parser';
import { redactSecrets, SECRET_MASK } from '../../protocol/secrets';
import type { Text } from '../../protocol/types';
import { validateValue } from '../../protocol/validate';

export interface AnswerProblem {
  /** 1-based line of the pasted text; absent for a setting that got no answer. */
  readonly line?: number;
  readonly message: Text;
}

export interface FieldAnswers {
  /** Every setting answered, canonical (also ones the profile does not have). */
  readonly values: Readonly<Record<string, string>>;
  /** Empty when the answers can be the baseline. */
  readonly problems: readonly AnswerProblem[];
}

const encoder = new TextEncoder();
/** A line the person pasted that is a command (`usr.cnAT+HEARTTM?`), not an answer. */
const COMMAND_LINE = /AT\+[A-Za-z0-9]+(\?|=.*)?$/i;
/**
 * The echo of one of our queries, with or without its password (CMDPW is at most 10 characters): a module
 * with echo on sends it before the answer (module-behaviour.md), so a server's log holds it.
 */
const QUERY_ECHO = /^.{0,10}AT\+([A-Za-z0-9]+)\?$/i;
const SHOWN_CHARS = 40;

/** How the protocol's parser reads one line during a command (no echo expected). */
function readLine(line: string): ReplyEvent | undefined {
  const parser = new ReplyParser();
  parser.expect('');
  return parser.push(encoder.encode(`${line}\r\n`)).find((e) => e.type !== 'unsolicited');
}

const t = (en: string, zh: string): Text => ({ en, zh });

function shortened(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

/** Reads the pasted answers; `expected`: the settings the profile has (each must be answered). */
export function parseFieldAnswers(pasted: string, expected: readonly string[]): FieldAnswers {
  const values: Record<string, string> = {};
  const from = new Map<string, number>();
  const problems: AnswerProblem[] = [];
  const at = (line: number, en: string, zh: string): void => {
    problems.push({ line, message: t(`Line ${line}: ${en}`, `第 ${line} 行：${zh}`) });
  };
  const asked = new Set(expected.map((n) => n.toUpperCase()));
  const lines = pasted.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    const n = i + 1;
    const text = raw.trim();
    if (text === '') continue;
    if (text.includes(SECRET_MASK)) {
      at(
        n,
        `it holds the mask ${SECRET_MASK}, not the module's value: paste the answer as it came.`,
        `含有遮盖符 ${SECRET_MASK}，而不是模块的值：请粘贴原样收到的应答。`,
      );
      continue;
    }
    const echo = QUERY_ECHO.exec(text);
    if (echo && asked.has((echo[1] ?? '').toUpperCase())) continue;
    const e = readLine(text);
    if (e?.type === 'ok') continue;
    if (e?.type === 'error') {
      at(
        n,
        `the module refused a query (${e.error.raw.trim()}: ${e.error.meaning.en}). Check the password and send that query again.`,
        `模块拒绝了一条查询（${e.error.raw.trim()}：${e.error.meaning.zh}）。请检查密码后重新发送该查询。`,
      );
      continue;
    }
    if (e?.type !== 'info') {
      if (COMMAND_LINE.test(text))
        at(
          n,
          'this is a command, not an answer: paste only what the module sent back.',
          '这是一条指令，不是应答：请只粘贴模块发回的内容。',
        );
      else
        at(
          n,
          `“${shortened(text)}” is not an answer of the module (+NAME:value, OK).`,
          `“${shortened(text)}”不是模块的应答（+名称:值，OK）。`,
        );
      continue;
    }
    const entry = findCommand(e.name);
    if (!entry || entry.kind !== 'setting') {
      at(
        n,
        `+${e.name} is not a setting of this module: only the answers to the queries above belong here.`,
        `+${e.name} 不是本模块的参数：这里只粘贴上面那些查询的应答。`,
      );
      continue;
    }
    const name = entry.name;
    const checked = validateValue(entry, e.value);
    if (!checked.ok) {
      const shown = shortened(redactSecrets(name, e.value));
      at(
        n,
        `AT+${name} answered “${shown}”, which is not a value of it: ${checked.error.message.en}`,
        `AT+${name} 应答“${shown}”，不是它的有效值：${checked.error.message.zh}`,
      );
      continue;
    }
    const earlier = values[name];
    if (earlier !== undefined && earlier !== checked.value) {
      at(
        n,
        `a second answer for AT+${name} that differs from line ${from.get(name) ?? 0}: paste one answer per setting.`,
        `AT+${name} 的第二个应答与第 ${from.get(name) ?? 0} 行不同：每个参数只粘贴一个应答。`,
      );
      continue;
    }
    values[name] = checked.value;
    from.set(name, n);
  }
  if (lines.every((l) => l.trim() === '')) {
    problems.push({ message: t('Nothing pasted yet.', '尚未粘贴任何内容。') });
    return { values, problems };
  }
  for (const name of expected) {
    if (values[name] === undefined)
      problems.push({
        message: t(
          `No answer for AT+${name}, a setting of the profile: send its query again and paste the answer.`,
          `没有 AT+${name} 的应答（档案中的参数）：请重新发送该查询并粘贴应答。`,
        ),
      });
  }
  return { values, problems };
}
