/**
 * AT session speed on the simulator with wire timing on (virtual clock, so the numbers are virtual ms and
 * repeatable): read-all at 115200 and 9600, and entry to command mode at UARTFT 50 and 2000. Each is
 * reported as a ratio to its physical minimum:
 * - read-all: every byte that crossed the line during the operation (commands, echoes, answers) at the
 *   line's character time, one after another (the simulator answers with no latency). At 9600 the module
 *   echoes the first part of a long command while the rest is still arriving, so the run can beat this
 *   sum slightly; the note also gives the host's own gaps (answer's last byte → next command);
 * - entry: the required guard (UARTFT of silence, T1) + the module's T3 before `a` (UARTFT/2 in the
 *   simulator) + the handshake bytes `+++`, `a`, `a`, `+ok\r\n`. The session's own `AT\r` probe is not
 *   part of the minimum: it is overhead the ratio shows.
 * The session knows the device's UARTFT here (as after a first read); unknown, it starts from 50 ms.
 */
import { VirtualClock } from '../src/clock/virtual-clock';
import { bitsPerCharacter, parseUartValue, type UartSettings } from '../src/protocol/uart';
import { AtSession } from '../src/session/session';
import { SimulatedModule } from '../src/simulator/core';
import { createSimulatorPort } from '../src/simulator/host/in-process-port';
import type { BenchResult } from './report';

async function boot(
  settings: Record<string, string>,
  uartft?: number,
): Promise<{ clock: VirtualClock; session: AtSession; uart: UartSettings }> {
  const clock = new VirtualClock();
  const module = new SimulatedModule({ clock, poweredOn: false, wireTiming: true });
  Object.assign(module.flash.stored, settings);
  module.powerOn();
  clock.advanceSync(module.timings.bootMs + 5000);
  const uart = parseUartValue(module.flash.stored['UART'] ?? '');
  if (!uart) throw new Error('bad UART');
  const session = new AtSession({ clock, ...(uartft ? { uartft } : {}) });
  await clock.run(session.open(createSimulatorPort(module), uart));
  return { clock, session, uart };
}

function charMs(uart: UartSettings): number {
  return (bitsPerCharacter(uart) * 1000) / uart.baud;
}

async function readAllRatio(baud: number): Promise<BenchResult> {
  const { clock, session, uart } = await boot({ UART: `${baud},8,1,NONE,NFC` });
  await clock.run(session.enterCommandMode());
  const from = clock.now();
  const result = await clock.run(session.readAll());
  const elapsed = clock.now() - from;
  if (result.error) throw result.error;
  let bytes = 0;
  // The session's own share: time from an answer's last byte to the next command.
  let hostGaps = 0;
  let lastRx: number | undefined;
  for (const e of session.log.entries()) {
    if (e.dir === 'note' || e.at < from) continue;
    bytes += e.bytes.length;
    if (e.dir === 'rx') lastRx = e.at;
    else if (lastRx !== undefined) hostGaps += e.at - lastRx;
  }
  const minimum = bytes * charMs(uart);
  await session.close();
  return {
    name: `session read-all @${baud} vs wire minimum`,
    measured: elapsed / minimum,
    unit: '×',
    goal: 1.1,
    kind: 'max',
    note:
      `${elapsed.toFixed(1)} virtual ms for ${Object.keys(result.values).length} settings, ` +
      `minimum ${minimum.toFixed(1)} ms (${bytes} bytes one after another; the echo overlaps a long command ` +
      `at low rates), host gaps ${hostGaps.toFixed(1)} ms`,
  };
}

async function entryRatio(uartft: number): Promise<BenchResult> {
  const { clock, session, uart } = await boot({ UARTFT: String(uartft) }, uartft);
  const from = clock.now();
  await clock.run(session.enterCommandMode());
  const elapsed = clock.now() - from;
  const handshakeBytes = '+++'.length + 1 + 1 + '+ok\r\n'.length;
  const minimum = uartft + uartft / 2 + handshakeBytes * charMs(uart);
  await session.close();
  return {
    name: `session entry @UARTFT ${uartft} vs minimum`,
    measured: elapsed / minimum,
    unit: '×',
    goal: 1.2,
    kind: 'max',
    note: `${elapsed.toFixed(1)} virtual ms, minimum ${minimum.toFixed(1)} ms (guard + T3 + handshake)`,
  };
}

/** The session benchmarks; wire into bench/index.ts with `results.push(...(await measureSession()))`. */
export async function measureSession(): Promise<BenchResult[]> {
  return [await readAllRatio(115200), await readAllRatio(9600), await entryRatio(50), await entryRatio(2000)];
}
