/**
 * Reading the simulated "field" module before changing it (docs/remote.md), on the virtual clock: the
 * query payloads go out through the virtual phone or a virtual server, the module's answers come back as
 * the text a person would paste, the strict reader turns them into the module's values, and "only what
 * differs" against them sends exactly the settings the module does not hold yet.
 */
import { describe, expect, it } from 'vitest';
import { parseFieldAnswers } from '../../src/profile/remote/field-answers';
import { planFieldQueries } from '../../src/profile/remote/field-queries';
import { planRemote } from '../../src/profile/remote/remote-plan';
import { readByNetwork, readBySms, type FieldRead } from '../../src/ui/remote/sim-read';
import { sendBySms, type SendDeps } from '../../src/ui/remote/sim-send';
import { Harness } from '../simulator/harness';

const FACTORY = { password: 'usr.cn', uartfl: 1024 } as const;
const PROFILE = { HTPTO: '25', SOCKA: 'TCP,test.usr.cn,2317', HEARTTM: '77' };
/** The field module holds the profile except HEARTTM (factory 30). */
const FIELD = { HTPTO: '25', SOCKA: 'TCP,test.usr.cn,2317' };

function read(h: Harness, go: (deps: SendDeps) => Promise<FieldRead>): Promise<FieldRead> {
  return h.clock.run(go({ sim: h.module, clock: h.clock }));
}

describe('the field module read through the virtual phone', () => {
  it('answers every query by SMS; the diff against them is the one setting it lacks, then AT+Z', async () => {
    const h = new Harness({ flash: { stored: FIELD } });
    const queries = planFieldQueries(PROFILE, FACTORY);
    const got = await read(h, (deps) => readBySms(queries, deps));
    expect(got).toMatchObject({ channel: 'sms', outcome: 'read', asked: 3, answered: 3 });
    expect(h.world.phone.sent.map((s) => s.text)).toEqual([
      'usr.cnAT+HTPTO?',
      'usr.cnAT+SOCKA?',
      'usr.cnAT+HEARTTM?',
    ]);
    const answers = parseFieldAnswers(got.text, queries.names);
    expect(answers.problems).toEqual([]);
    expect(answers.values).toEqual({ ...FIELD, HEARTTM: '30' });

    const plan = planRemote(PROFILE, { ...FACTORY, socket: 'A', current: answers.values });
    expect(plan.sms.map((p) => p.text)).toEqual(['usr.cnAT+HEARTTM=77', 'usr.cnAT+Z']);
    const report = await h.clock.run(sendBySms(plan, { sim: h.module, clock: h.clock }));
    expect(report.outcome).toBe('verified');
    expect(h.module.running).toMatchObject({ ...PROFILE });
  });

  it('a firmware that answers queries without OK, with a blank after the colon, reads the same', async () => {
    const h = new Harness({ flash: { stored: FIELD }, firmware: ['no-ok-queries', 'blank-colon'] });
    const queries = planFieldQueries(PROFILE, FACTORY);
    const got = await read(h, (deps) => readBySms(queries, deps));
    expect(got.text).not.toMatch(/OK/);
    const answers = parseFieldAnswers(got.text, queries.names);
    expect(answers.problems).toEqual([]);
    expect(answers.values).toEqual({ ...FIELD, HEARTTM: '30' });
  });

  it('a wrong password gets no answer: the read is partial and every setting is named as unanswered', async () => {
    const h = new Harness({ flash: { stored: FIELD } });
    const queries = planFieldQueries(PROFILE, { ...FACTORY, password: 'wrong' });
    const got = await read(h, (deps) => readBySms(queries, deps));
    expect(got).toMatchObject({ outcome: 'partial', answered: 0, asked: 3 });
    const problems = parseFieldAnswers(got.text, queries.names).problems;
    expect(problems.map((p) => p.message.en)).toEqual(['Nothing pasted yet.']);
  });
});

describe('the field module read by network AT', () => {
  it('one query line per packet from server A, each answered on the socket', async () => {
    const h = new Harness({ flash: { stored: FIELD } });
    const queries = planFieldQueries(PROFILE, FACTORY);
    const got = await read(h, (deps) => readByNetwork(queries, 'A', deps));
    expect(got).toMatchObject({ channel: 'network', outcome: 'read', answered: 3 });
    expect(parseFieldAnswers(got.text, queries.names).values).toEqual({ ...FIELD, HEARTTM: '30' });
    expect(h.eventsOf('socket-tx').filter((e) => e.socket === 'A' && e.tag === 'at-reply')).toHaveLength(3);
  });

  it('a socket with no connection sends nothing', async () => {
    const h = new Harness();
    const got = await read(h, (deps) => readByNetwork(planFieldQueries(PROFILE, FACTORY), 'B', deps));
    expect(got).toMatchObject({ outcome: 'not-connected', answered: 0, text: '' });
    expect(h.eventsOf('socket-tx').filter((e) => e.tag === 'at-reply')).toHaveLength(0);
  });
});
