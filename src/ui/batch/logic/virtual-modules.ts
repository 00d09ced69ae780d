/**
 * Identities for the simulator's sequence of virtual modules at the batch station ("Next module"): the
 * n-th module gets its own IMEI (15 digits, a valid Luhn check digit), SIM (ICCID) and serial number, so
 * a table keyed by IMEI can be written for them. Realistic shapes, not real devices (as
 * simulator/core/identity.ts). Pure.
 */

/** The digit that makes `digits` + it pass the Luhn check. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Counted from the right once the check digit is appended: every second digit from it is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export interface VirtualIdentity {
  readonly imei: string;
  readonly iccid: string;
  readonly sn: string;
}

/** The n-th (1, 2, …) virtual module of the station's sequence. */
export function virtualIdentity(n: number): VirtualIdentity {
  const serial = String(100000 + (n % 900000)).padStart(6, '0');
  const imeiBody = `86832302${serial}`;
  const iccidBody = `8986011785${String(n).padStart(9, '0')}`;
  return {
    imei: imeiBody + luhnCheckDigit(imeiBody),
    iccid: iccidBody + luhnCheckDigit(iccidBody),
    sn: `0120181201${String(n).padStart(10, '0')}`,
  };
}

/**
 * Which virtual module of the sequence this is (1, 2, …), or undefined for any other module. The whole
 * identity must match: the simulator's own module has an IMEI of the same shape.
 */
export function virtualNumber(identity: VirtualIdentity): number | undefined {
  const match = /^86832302(\d{6})\d$/.exec(identity.imei);
  if (!match) return undefined;
  const n = Number(match[1]) - 100000;
  if (n < 1) return undefined;
  const expected = virtualIdentity(n);
  const same =
    expected.imei === identity.imei && expected.iccid === identity.iccid && expected.sn === identity.sn;
  return same ? n : undefined;
}

/**
 * The number of the module "Next module" puts on the cable: the one after the virtual module on it now
 * (the simulator keeps it over a reload), else the first.
 */
export function nextVirtualNumber(onCable: VirtualIdentity | undefined): number {
  const n = onCable === undefined ? undefined : virtualNumber(onCable);
  return n === undefined ? 1 : n + 1;
}
