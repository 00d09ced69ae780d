/**
 * Signal strength from `AT+CSQ` (manual 3.1.7.11): `+CSQ: rssi,null,ber`.
 *
 * The rssi scale depends on the network the module is on (`AT+SYSINFO`, sysinfo.ts):
 * - table 16 (GSM): 0 ≤ -113 dBm, 1 = -111, 2…30 = -109…-53 (2 dB steps), 31 ≥ -53, 99 unknown.
 *   WCDMA uses the same scale (it is the 3GPP TS 27.007 CSQ scale for every radio before LTE).
 * - table 17 (TD-SCDMA, "减去100后" = after subtracting 100): 0 < -115, 1…90 = -115…-26, 91 ≥ -25, 99 unknown.
 * - table 18 (LTE, after subtracting 100): 0 < -140, 1…96 = -140…-45, 97 ≥ -44, 99 unknown.
 *   Tables 17/18 are the RSCP and RSRP report ranges (3GPP TS 25.133 / 36.133), 1 dB per step.
 *
 * Decision on the raw forms for TD-SCDMA and LTE (the manual's wording means the module reports 100 + the
 * table value; firmware differs):
 * - 100…199: subtract 100 and read table 17/18 (so 199 is "unknown").
 * - 0…31: firmware that reports the GSM-style scale on every network (as most 4G modules do, and as the
 *   `+CSQ: 27,99` seen on real modules suggests); read table 16.
 * - 99: unknown, in either form.
 * - anything else: out of range, reported as unknown with the reason.
 * 'No Network' (SYSINFO says no service) gives "no network" whatever rssi says.
 * Note: table 16 says 31 is "≥ -53 dBm" (TS 27.007 says ≥ -51); the manual's text is shown.
 */
import type { Text } from './types';

export type CsqNetwork = 'GSM' | 'WCDMA' | 'TD-SCDMA' | 'LTE' | 'No Network';
export type SignalBars = 0 | 1 | 2 | 3 | 4 | 5;

export interface Signal {
  /** The dBm value, or the bound when `atLeast` / `atMost` is set. */
  readonly dbm?: number;
  /** `dbm` is a lower bound ("≥"). */
  readonly atLeast?: boolean;
  /** `dbm` is an upper bound ("≤", or "<" when `exclusive`). */
  readonly atMost?: boolean;
  /** The bound is strict ("< -115 dBm" in tables 17/18). */
  readonly exclusive?: boolean;
  readonly unknown: boolean;
  readonly bars: SignalBars;
  /** Which manual table was read, when one was. */
  readonly table?: 16 | 17 | 18;
  /** What was measured: RSSI (table 16), RSCP (table 17) or RSRP (table 18). */
  readonly measure?: 'RSSI' | 'RSCP' | 'RSRP';
  readonly text: Text;
}

export interface CsqValue {
  readonly rssi: number;
  /** `undefined` only when the reply had no ber field at all. */
  readonly ber: number | undefined;
}

const UNKNOWN_TEXT: Text = { en: 'unknown or not detectable', zh: '未知或不可测' };

/**
 * Reads the value of a `+CSQ:` line: `27,99` (rssi,ber) or the manual's `27,0,99` (rssi,null,ber). The
 * middle field is ignored whatever it holds (a number, `null`, or nothing); blanks are tolerated.
 */
export function parseCsqValue(value: string): CsqValue | undefined {
  const fields = value.split(',').map((f) => f.trim());
  if (fields.length < 1 || fields.length > 3) return undefined;
  const rssiText = fields[0] ?? '';
  const berText = fields.length === 1 ? undefined : fields[fields.length - 1];
  if (!/^\d{1,3}$/.test(rssiText)) return undefined;
  if (berText !== undefined && !/^\d{1,3}$/.test(berText)) return undefined;
  return { rssi: Number(rssiText), ber: berText === undefined ? undefined : Number(berText) };
}

function unknown(reason?: Text): Signal {
  return { unknown: true, bars: 0, text: reason ?? UNKNOWN_TEXT };
}

function measured(
  table: 16 | 17 | 18,
  dbm: number,
  bound: 'exact' | 'atLeast' | 'atMost' | 'below',
  bars: SignalBars,
): Signal {
  const measure = table === 16 ? 'RSSI' : table === 17 ? 'RSCP' : 'RSRP';
  const prefix = bound === 'atLeast' ? '≥ ' : bound === 'atMost' ? '≤ ' : bound === 'below' ? '< ' : '';
  const text = { en: `${prefix}${dbm} dBm (${measure})`, zh: `${prefix}${dbm} dBm（${measure}）` };
  return {
    dbm,
    ...(bound === 'atLeast' ? { atLeast: true } : {}),
    ...(bound === 'atMost' || bound === 'below' ? { atMost: true } : {}),
    ...(bound === 'below' ? { exclusive: true } : {}),
    unknown: false,
    bars,
    table,
    measure,
    text,
  };
}

/**
 * Bars for an rssi on the table 16 scale: 0 (≤ -113) none; 1–4 weak; 5–7; 8–11; 12–15; 16 and up
 * (≥ -81 dBm) full. The steps follow the usual handset mapping of the 0–31 scale.
 */
function gsmBars(rssi: number): SignalBars {
  if (rssi <= 0) return 0;
  if (rssi <= 4) return 1;
  if (rssi <= 7) return 2;
  if (rssi <= 11) return 3;
  if (rssi <= 15) return 4;
  return 5;
}

/** Bars from a dBm value against thresholds for 5, 4, 3, 2, 1 bars. */
function barsFrom(dbm: number, thresholds: readonly [number, number, number, number, number]): SignalBars {
  const [five, four, three, two, one] = thresholds;
  if (dbm >= five) return 5;
  if (dbm >= four) return 4;
  if (dbm >= three) return 3;
  if (dbm >= two) return 2;
  if (dbm >= one) return 1;
  return 0;
}

/** TD-SCDMA RSCP: ≥ -75 full … ≥ -115 one bar; below -115 none. */
const RSCP_BARS = [-75, -85, -95, -105, -115] as const;
/** LTE RSRP: ≥ -90 full, -100, -110, -120, ≥ -140 one bar; below -140 none. */
const RSRP_BARS = [-90, -100, -110, -120, -140] as const;

function fromTable16(rssi: number): Signal {
  if (rssi === 99) return unknown();
  if (rssi === 0) return measured(16, -113, 'atMost', 0);
  if (rssi === 31) return measured(16, -53, 'atLeast', 5);
  if (rssi >= 1 && rssi <= 30) return measured(16, -113 + 2 * rssi, 'exact', gsmBars(rssi));
  return outOfRange(rssi);
}

function fromTable17(value: number): Signal {
  if (value === 99) return unknown();
  if (value === 0) return measured(17, -115, 'below', 0);
  if (value === 91) return measured(17, -25, 'atLeast', 5);
  if (value >= 1 && value <= 90) {
    const dbm = -116 + value;
    return measured(17, dbm, 'exact', barsFrom(dbm, RSCP_BARS));
  }
  return outOfRange(value + 100);
}

function fromTable18(value: number): Signal {
  if (value === 99) return unknown();
  if (value === 0) return measured(18, -140, 'below', 0);
  if (value === 97) return measured(18, -44, 'atLeast', 5);
  if (value >= 1 && value <= 96) {
    const dbm = -141 + value;
    return measured(18, dbm, 'exact', barsFrom(dbm, RSRP_BARS));
  }
  return outOfRange(value + 100);
}

function outOfRange(raw: number): Signal {
  return unknown({ en: `rssi ${raw} is out of range`, zh: `rssi ${raw} 超出范围` });
}

/** What an `AT+CSQ` rssi means on `network` (see the file comment for the raw forms). */
export function csqToSignal(rssi: number, network: CsqNetwork): Signal {
  if (!Number.isInteger(rssi) || rssi < 0) return outOfRange(rssi);
  switch (network) {
    case 'No Network':
      return unknown({ en: 'no network', zh: '无网络' });
    case 'GSM':
    case 'WCDMA':
      return fromTable16(rssi);
    case 'TD-SCDMA':
    case 'LTE': {
      if (rssi === 99 || rssi === 199) return unknown();
      if (rssi >= 100 && rssi <= 199)
        return network === 'LTE' ? fromTable18(rssi - 100) : fromTable17(rssi - 100);
      if (rssi <= 31) return fromTable16(rssi);
      return outOfRange(rssi);
    }
  }
}

/** Table 19: bit error rate classes. */
const BER_TEXTS: readonly Text[] = [
  { en: 'BER < 0.2%', zh: 'BER<0.2%' },
  { en: '0.2% < BER < 0.4%', zh: '0.2%<BER<0.4%' },
  { en: '0.4% < BER < 0.8%', zh: '0.4%<BER<0.8%' },
  { en: '0.8% < BER < 1.6%', zh: '0.8%<BER<1.6%' },
  { en: '1.6% < BER < 3.2%', zh: '1.6%<BER<3.2%' },
  { en: '3.2% < BER < 6.4%', zh: '3.2%<BER<6.4%' },
  { en: '6.4% < BER < 12.8%', zh: '6.4%<BER<12.8%' },
  { en: '12.8% < BER', zh: '12.8%<BER' },
];

/**
 * Table 19 in words. On TD-SCDMA and LTE the manual says ber is not valid, so with such a `network` the
 * text says so whatever the value.
 */
export function berToText(ber: number, network?: CsqNetwork): Text {
  if (network === 'TD-SCDMA' || network === 'LTE') {
    return { en: 'not applicable on TD-SCDMA/LTE', zh: 'TD/LTE 模式下无效' };
  }
  if (ber === 99) return UNKNOWN_TEXT;
  return BER_TEXTS[ber] ?? { en: `ber ${ber} is out of range`, zh: `ber ${ber} 超出范围` };
}
