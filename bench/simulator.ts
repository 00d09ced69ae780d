import { VirtualClock } from '../src/clock/virtual-clock';
import type { UartSettings } from '../src/protocol/uart';
import { SimulatedModule } from '../src/simulator/core';
import type { BenchResult } from './report';

const LINE_115200: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };
const LINE_230400: UartSettings = { ...LINE_115200, baud: 230400 };

/** A module already running in NET mode with socket A connected to its echo server. */
function connectedModule(
  wireTiming: boolean,
  uart?: UartSettings,
): { clock: VirtualClock; module: SimulatedModule } {
  const clock = new VirtualClock();
  const module = new SimulatedModule({ clock, wireTiming, startRunning: true });
  if (uart) {
    // Setup shortcut: store the UART setting and restart, as AT+UART + AT+Z would (tested in tests/simulator).
    module.flash.stored.UART = `${uart.baud},${uart.dataBits},${uart.stopBits},${uart.parity},NFC`;
    module.restart('app');
  }
  clock.advanceSync(5000);
  if (module.linkState('A') !== 'connected') throw new Error('bench setup: socket A did not connect');
  return { clock, module };
}

/** Transparent mode with wire timing off: how fast the simulator itself moves serial → server → serial. */
export function measureThroughputTimingOff(): BenchResult {
  const total = 16 << 20;
  // Best of three runs: the machine is shared, and the slowest run measures the neighbours, not the code.
  const rates = [0, 1, 2].map(() => roundTripRate(total));
  return {
    name: 'simulator transparent throughput, timing off (round trip)',
    measured: Math.max(...rates),
    unit: 'MB/s',
    goal: 20,
    kind: 'min',
    note: `${total >> 20} MiB serial → echo server → serial; runs ${rates.map((r) => r.toFixed(1)).join(', ')}`,
  };
}

function roundTripRate(total: number): number {
  const { clock, module } = connectedModule(false);
  const chunk = new Uint8Array(65536).map((_, i) => (i * 13) & 0xff);
  let got = 0;
  module.onSerialOutput((b) => (got += b.length));
  const t0 = performance.now();
  for (let sent = 0; sent < total; sent += chunk.length) {
    module.hostWrite(chunk, LINE_115200);
    clock.advanceSync(1);
  }
  clock.advanceSync(500);
  const seconds = (performance.now() - t0) / 1000;
  if (got !== total) throw new Error(`throughput bench lost data: ${got} of ${total} bytes came back`);
  return total / seconds / 1e6;
}

/** Transparent mode with wire timing on at 230400: virtual time to move data vs the wire's own time. */
export function measureWireRate230400(): BenchResult {
  const { clock, module } = connectedModule(true, LINE_230400);
  const n = 256 * 1024;
  const data = new Uint8Array(n).map((_, i) => i & 0xff);
  let echoed = 0;
  let done = 0;
  module.onSerialOutput((b) => {
    echoed += b.length;
    if (echoed >= n && !done) done = clock.now();
  });
  const t0 = clock.now();
  module.hostWrite(data, LINE_230400);
  const wireMs = (n * 10 * 1000) / 230400;
  while (!done && clock.now() - t0 < wireMs * 2) clock.advanceSync(10);
  if (!done) throw new Error('wire-rate bench: data did not come back');
  return {
    name: 'simulator 256 KiB echo at 230400 8N1, time / wire time',
    measured: (done - t0) / wireMs,
    unit: '×',
    goal: 1.02,
    kind: 'max',
    note: `${(done - t0).toFixed(0)} ms virtual vs ${wireMs.toFixed(0)} ms on the wire`,
  };
}
