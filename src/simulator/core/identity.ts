import type { ModuleIdentity } from './control';

/**
 * Identity defaults (docs/simulator.md): realistic shapes, not real devices.
 * - VER: the firmware of manual V1.0.5's time; AT+UPDATE bumps the last number.
 * - SN: 20 digits; ICCID: 20 digits starting 898601 (China Unicom); IMEI: 15 digits with a valid Luhn check
 *   digit; phone: the SIM's number in international form.
 */
export const DEFAULT_IDENTITY: ModuleIdentity = {
  version: 'V1.0.6',
  sn: '01201812010000012345',
  iccid: '89860117851012345678',
  imei: '868323023456780',
  phone: '8613800138000',
};

/** `V1.0.6` → `V1.0.7`: the version an upgrade installs. */
export function nextVersion(version: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(version);
  if (!m) return `${version}.1`;
  return `${m[1] ?? ''}${Number(m[2]) + 1}${m[3] ?? ''}`;
}

/** True when `imei` has a correct Luhn check digit. */
export function luhnValid(imei: string): boolean {
  if (!/^\d+$/.test(imei)) return false;
  let sum = 0;
  for (let i = 0; i < imei.length; i++) {
    let d = Number(imei[imei.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
