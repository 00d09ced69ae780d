/**
 * Network information from `AT+SYSINFO` (manual 3.1.7.12): `+ SYSINFO: state,net`.
 * The manual's own format line has blanks (`+ SYSINFO: state,net {CR}`), so blanks anywhere around the
 * fields are tolerated, and the whole line may be given as well as just its value.
 * state: table 20; net: table 21 (compared without regard to case or inner blanks).
 */
import type { CsqNetwork } from './signal';
import type { Text } from './types';

export type SysinfoState = 0 | 1 | 2 | 3 | 4;
export type SysinfoNetwork = 'No Network' | 'GSM/GPRS' | 'WCDMA' | 'TD-SCDMA' | 'LTE';

export interface Sysinfo {
  readonly state: SysinfoState;
  readonly stateText: Text;
  readonly network: SysinfoNetwork;
  readonly networkText: Text;
  /** The network as `csqToSignal` (signal.ts) takes it. */
  readonly networkType: CsqNetwork;
}

export type SysinfoResult = ({ readonly ok: true } & Sysinfo) | { readonly ok: false; readonly reason: Text };

/** Table 20. */
const STATES: readonly Text[] = [
  { en: 'No service', zh: '无服务' },
  { en: 'Limited service', zh: '有限制服务' },
  { en: 'In service', zh: '有服务' },
  { en: 'Limited regional service', zh: '有限制区域服务' },
  { en: 'Power saving', zh: '省电状态' },
];

/** Table 21, keyed by the name upper-cased with blanks removed. */
const NETWORKS: ReadonlyMap<string, { network: SysinfoNetwork; text: Text; type: CsqNetwork }> = new Map([
  ['NONETWORK', { network: 'No Network', text: { en: 'No service', zh: '无服务' }, type: 'No Network' }],
  ['GSM/GPRS', { network: 'GSM/GPRS', text: { en: 'GSM/GPRS', zh: 'GSM/GPRS 模式' }, type: 'GSM' }],
  ['WCDMA', { network: 'WCDMA', text: { en: 'WCDMA', zh: 'WCDMA 模式' }, type: 'WCDMA' }],
  ['TD-SCDMA', { network: 'TD-SCDMA', text: { en: 'TD-SCDMA', zh: 'TD-SCDMA 模式' }, type: 'TD-SCDMA' }],
  ['LTE', { network: 'LTE', text: { en: 'LTE (4G)', zh: 'LTE 模式' }, type: 'LTE' }],
]);

/** Reads `2,LTE` (or the whole line `+ SYSINFO: 2,LTE`). Unknown values are rejected with a reason. */
export function parseSysinfo(value: string): SysinfoResult {
  const body = value.replace(/^\s*\+\s*SYSINFO\s*:/i, '');
  const fields = body.split(',').map((f) => f.trim());
  if (fields.length !== 2) {
    return {
      ok: false,
      reason: {
        en: `SYSINFO should be "state,net", got "${value.trim()}"`,
        zh: `SYSINFO 应为“state,net”，实际为“${value.trim()}”`,
      },
    };
  }
  const [stateField = '', netField = ''] = fields;
  const stateText = /^\d$/.test(stateField) ? STATES[Number(stateField)] : undefined;
  if (!stateText) {
    return {
      ok: false,
      reason: {
        en: `Unknown SYSINFO service state "${stateField}" (table 20 lists 0–4)`,
        zh: `未知的服务状态“${stateField}”（表 20 为 0~4）`,
      },
    };
  }
  const net = NETWORKS.get(netField.toUpperCase().replace(/\s+/g, ''));
  if (!net) {
    return {
      ok: false,
      reason: {
        en: `Unknown SYSINFO network "${netField}" (table 21: No Network, GSM/GPRS, WCDMA, TD-SCDMA, LTE)`,
        zh: `未知的联网模式“${netField}”（表 21：No Network、GSM/GPRS、WCDMA、TD-SCDMA、LTE）`,
      },
    };
  }
  return {
    ok: true,
    state: Number(stateField) as SysinfoState,
    stateText,
    network: net.network,
    networkText: net.text,
    networkType: net.type,
  };
}
