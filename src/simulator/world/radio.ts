import type { NetworkType, RadioState } from '../core/control';

/**
 * The virtual radio: which network is on the air and how strong it is. The module attaches to it after boot
 * and reads CSQ (3.1.7.11) and SYSINFO (3.1.7.12) from it.
 */
export const DEFAULT_RADIO: RadioState = { network: '4G', rssi: -71 };

export class Radio {
  private state: RadioState;
  private readonly listeners = new Set<(r: RadioState) => void>();

  constructor(initial: RadioState = DEFAULT_RADIO) {
    this.state = normaliseRadio(initial);
  }

  get current(): RadioState {
    return this.state;
  }

  set(next: RadioState): void {
    this.state = normaliseRadio(next);
    for (const l of this.listeners) l(this.state);
  }

  onChange(listener: (r: RadioState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function normaliseRadio(r: RadioState): RadioState {
  const rssi = Number.isFinite(r.rssi) ? Math.round(Math.max(-150, Math.min(-20, r.rssi))) : -113;
  const network: NetworkType =
    r.network === '2G' || r.network === '3G' || r.network === '4G' ? r.network : 'none';
  return { network, rssi };
}

/** One-way network latency in ms for each network type. */
export function latencyMs(network: NetworkType): number {
  switch (network) {
    case '2G':
      return 150;
    case '3G':
      return 60;
    case '4G':
      return 25;
    default:
      return 0;
  }
}

/** Time to register on the network after boot, ms. */
export function attachMs(network: NetworkType): number {
  return network === '2G' ? 6000 : network === '3G' ? 4500 : 3500;
}

/**
 * The `+CSQ` value `rssi,ber` (3.1.7.11), as real modules print it (two fields, no space).
 * GSM and WCDMA (2G/3G here): table 16, 0–31 from dBm in 2 dB steps (the 27.007 scale every pre-LTE radio
 * uses; protocol/signal.ts reads WCDMA that way), ber 0 on GSM, 99 on WCDMA. LTE (4G): 100 + table 18
 * (1 dB steps from -140 dBm), ber 99. No network: `99,99`.
 */
export function csqValue(r: RadioState): string {
  if (r.network === 'none') return '99,99';
  if (r.network === '2G' || r.network === '3G') {
    const v =
      r.rssi <= -113 ? 0 : r.rssi >= -51 ? 31 : Math.max(1, Math.min(30, Math.round((r.rssi + 113) / 2)));
    return `${v},${r.network === '2G' ? 0 : 99}`;
  }
  const v = r.rssi < -140 ? 0 : r.rssi >= -44 ? 97 : r.rssi + 141;
  return `${100 + v},99`;
}

/** The `+SYSINFO` value `state,net` (3.1.7.12, tables 20 and 21). */
export function sysinfoValue(r: RadioState, attached: boolean): string {
  if (r.network === 'none' || !attached) return '0,No Network';
  const net = r.network === '2G' ? 'GSM/GPRS' : r.network === '3G' ? 'WCDMA' : 'LTE';
  return `2,${net}`;
}

/** NET LED blinks per second (2.3.7, table 8). */
export function netBlinks(r: RadioState, attached: boolean): 0 | 2 | 3 | 4 {
  if (!attached) return 0;
  return r.network === '2G' ? 2 : r.network === '3G' ? 3 : r.network === '4G' ? 4 : 0;
}
