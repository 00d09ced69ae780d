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
