/**
 * The module's lights as the dashboard draws them (manual 2.3.7, table 8): PWR on with power, WORK on once
 * the system runs, NET blinking 2/3/4 times a second on 2G/3G/4G and off without network. For a real
 * device the lights cannot be seen, so they are inferred from what it answers (SYSINFO).
 */
import type { SysinfoNetwork } from '../../protocol/sysinfo';

export type NetBlinks = 0 | 2 | 3 | 4;

export interface Leds {
  readonly pwr: boolean;
  readonly work: boolean;
  readonly net: NetBlinks;
}

/** Blinks per second of the NET light for a SYSINFO network (table 21). */
export function netBlinksFor(network: SysinfoNetwork | undefined): NetBlinks {
  switch (network) {
    case 'GSM/GPRS':
      return 2;
    case 'WCDMA':
    case 'TD-SCDMA':
      return 3;
    case 'LTE':
      return 4;
    default:
      return 0;
  }
}

/**
 * CSS animation of a light blinking `n` times a second: the period of one blink, in ms (on for half of
 * it). 0 blinks: no animation.
 */
export function blinkPeriodMs(n: NetBlinks): number {
  return n === 0 ? 0 : Math.round(1000 / n);
}
