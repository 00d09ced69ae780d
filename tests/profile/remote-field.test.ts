/**
 * Reading a module in the field before changing it (docs/remote.md): the query payloads for a profile's
 * settings, and the pasted answers read strictly into the baseline "only what differs" compares with —
 * in the answer formats of the manual (3.1.7.25 `+SOCKA:…` then a blank line) and of sibling firmware
 * (module-behaviour.md: no OK, `+OK`, a blank after the colon).
 */
import { describe, expect, it } from 'vitest';
import { parseFieldAnswers } from '../../src/profile/remote/field-answers';
import { canQuery, planFieldQueries } from '../../src/profile/remote/field-queries';
import { planRemote } from '../../src/profile/remote/remote-plan';

const FACTORY = { password: 'usr.cn', uartfl: 1024 } as const;
const en = (p: { message: { en: string } }) => p.message.en;

describe('query payloads for the field module', () => {
  it('one query per setting of the profile, with the password, as SMS and as a CR-ended line; no AT+Z', () => {
    const q = planFieldQueries({ HEARTTM: '77', SOCKA: 'TCP,test.usr.cn,2317', NOSUCH: '1' }, FACTORY);
    expect(q.names).toEqual(['HEARTTM', 'SOCKA']);
    expect(q.sms.map((p) => p.text)).toEqual(['usr.cnAT+HEARTTM?', 'usr.cnAT+SOCKA?']);
    expect(q.network.map((p) => p.line)).toEqual(['usr.cnAT+HEARTTM?\r', 'usr.cnAT+SOCKA?\r']);
    expect(q.network[0]?.bytes).toBe(18);
    expect(q.sms.some((p) => p.command === 'AT+Z')).toBe(false);
    expect(canQuery(q, 'sms')).toBe(true);
  });

  it('the same checks as the set payloads: a line longer than UARTFL and a bad password block sending', () => {
    const small = planFieldQueries({ HEARTTM: '77' }, { password: 'usr.cn', uartfl: 17 });
    expect(small.network[0]?.problem?.en).toContain("longer than the module's UARTFL (17 bytes)");
    expect(canQuery(small, 'network')).toBe(false);
    expect(canQuery(small, 'sms')).toBe(true);
    const bad = planFieldQueries({ HEARTTM: '77' }, { password: 'much-too-long-pw', uartfl: 1024 });
    expect(bad.optionProblems.map((p) => p.en).join()).toContain('The current command password');
    expect(canQuery(bad, 'sms')).toBe(false);
  });
});

describe('the pasted answers', () => {
  const names = ['SOCKA', 'HEARTTM', 'APN'];

  it('the manual’s answer with OK, a G761-style answer without OK, +OK, CR LF and blank lines, any order', () => {
    const pasted = [
      '+HEARTTM:90',
      '',
      '+OK',
      '\r\n+SOCKA:TCP,test.usr.cn,2317\r\n\r\nOK\r\n',
      '+APN: cmnet,user,s3cret',
    ].join('\n');
    const r = parseFieldAnswers(pasted, names);
    expect(r.problems).toEqual([]);
    expect(r.values).toEqual({ HEARTTM: '90', SOCKA: 'TCP,test.usr.cn,2317', APN: 'cmnet,user,s3cret' });
  });

  it('the echo of a query (echo on, as a server log holds it) is passed over', () => {
    const r = parseFieldAnswers(
      'usr.cnAT+HEARTTM?\r\n\r\n+HEARTTM:90\r\n\r\nOK\r\nAT+HEARTTM?\r\n+HEARTTM:90',
      ['HEARTTM'],
    );
    expect(r).toEqual({ values: { HEARTTM: '90' }, problems: [] });
  });

  it('values come out canonical, so they compare with the profile as the plan does', () => {
    const r = parseFieldAnswers('+WKMOD:net\r\nOK\r\n+HEARTEN:on\r\n', ['WKMOD', 'HEARTEN']);
    expect(r.problems).toEqual([]);
    const plan = planRemote(
      { WKMOD: 'NET', HEARTEN: 'ON', HEARTTM: '77' },
      { ...FACTORY, socket: 'A', current: r.values },
    );
    expect(plan.writes.map((w) => w.name)).toEqual(['HEARTTM']);
  });

  it('junk, a pasted command, a refusal and a non-setting are named by line', () => {
    const pasted = [
      '+SOCKA:TCP,test.usr.cn,2317',
      'hello from the site, that',
      'usr.cnAT+HEARTTM=90',
      '+ERR:5',
      '+CSQ:20,99',
      '+HEARTTM:90',
      '+APN:cmnet,,',
    ].join('\r\n');
    const r = parseFieldAnswers(pasted, names).problems.map(en);
    expect(r).toHaveLength(4);
    expect(r[0]).toMatch(/^Line 2: “hello from the site, that” is not an answer/);
    expect(r[1]).toMatch(/^Line 3: this is a command, not an answer/);
    expect(r[2]).toMatch(/^Line 4: the module refused a query \(\+ERR:5/);
    expect(r[3]).toMatch(/^Line 5: \+CSQ is not a setting/);
  });

  it('a setting of the profile with no answer is named; nothing pasted says so', () => {
    const r = parseFieldAnswers('+HEARTTM:90\r\nOK', names).problems.map(en);
    expect(r).toEqual([
      'No answer for AT+SOCKA, a setting of the profile: send its query again and paste the answer.',
      'No answer for AT+APN, a setting of the profile: send its query again and paste the answer.',
    ]);
    expect(parseFieldAnswers(' \n\n', names).problems.map(en)).toEqual(['Nothing pasted yet.']);
  });

  it('an invalid value and two disagreeing answers are refused without quoting a password', () => {
    const pasted = '+HEARTTM:99999\n+SOCKA:TCP,a.example,1\n+SOCKA:TCP,b.example,2\n+APN:cmnet,u,pw,7';
    const r = parseFieldAnswers(pasted, names).problems.map(en);
    expect(r[0]).toMatch(/^Line 1: AT\+HEARTTM answered “99999”, which is not a value of it/);
    expect(r[1]).toMatch(/^Line 3: a second answer for AT\+SOCKA that differs from line 2/);
    expect(r[2]).toMatch(/^Line 4: AT\+APN answered “cmnet,u,••••••”/);
    expect(r.join()).not.toContain('pw');
    // A line copied from the masked screen is not the module's value.
    expect(parseFieldAnswers('+APN:cmnet,u,••••••', ['APN']).problems.map(en)[0]).toMatch(
      /^Line 1: it holds the mask/,
    );
  });
});
