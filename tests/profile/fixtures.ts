/**
 * Profiles used by the profile, link and storage tests and by bench/share-link.ts.
 * `fullProfile()` sets every setting of the catalogue to a valid value that differs from its factory
 * default, with lengths a real installation has (domains of 20–25 characters, a two-word name, a note).
 */
import { SETTING_NAMES, factoryDefaults } from '../../src/protocol/catalogue';
import { PROFILE_FORMAT_VERSION, type Profile } from '../../src/profile/profile';

const hex = (s: string): string =>
  [...new TextEncoder().encode(s)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');

export const FULL_VALUES: Readonly<Record<string, string>> = {
  E: 'OFF',
  WKMOD: 'HTTPD',
  CMDPW: 'k3y.Plant7',
  STMSG: 'PUMP-STATION-07',
  RSTIM: '3600',
  UART: '9600,8,1,EVEN,NFC',
  UARTFT: '100',
  UARTFL: '512',
  RFCEN: 'ON',
  APN: 'CMIOT.ACME,iotuser,s3cretPw',
  SOCKA: 'TCP,iot.acme-energy.cn,5020',
  SOCKAEN: 'OFF',
  SOCKASL: 'SHORT',
  SHORATO: '30',
  SOCKATO: '15',
  SOCKB: 'UDP,203.0.113.25,6000',
  SOCKBEN: 'ON',
  SOCKBSL: 'SHORT',
  SHORBTO: '45',
  SOCKBTO: '20',
  SOCKC: 'TCP,backup.acme-energy.cn,5021',
  SOCKCEN: 'ON',
  SOCKCSL: 'SHORT',
  SHORCTO: '60',
  SOCKCTO: '30',
  SOCKD: 'TCP,198.51.100.7,502',
  SOCKDEN: 'ON',
  SOCKDSL: 'SHORT',
  SHORDTO: '90',
  SOCKDTO: '60',
  SOCKIND: 'ON',
  SDPEN: 'ON',
  REGEN: 'ON',
  REGTP: 'IMEI',
  REGDT: hex('ACME-PS07-RG'),
  REGSND: 'DATA',
  CLOUD: '00012345678901234567,Cl0udPw8',
  HEARTEN: 'OFF',
  HEARTDT: hex('PS07-ALIVE'),
  HEARTSND: 'COM',
  HEARTTM: '120',
  HTPTP: 'POST',
  HTPURL: '/api/v2/telemetry.php[3F]site[3D]ps07',
  HTPSV: 'api.acme-energy.cn,8080',
  HTPHD: 'Content-Type: application/json[0D][0A]',
  HTPTO: '30',
  HTPFLT: 'OFF',
};

export const T0 = Date.UTC(2026, 2, 14, 9, 30, 12, 345);

export function fullProfile(): Profile {
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    name: 'Pump station 7 — Modbus gateway',
    notes: 'Meter on COM at 9600 8E1. IoT SIM (CMIOT). Call operations before changing the server.',
    values: Object.fromEntries(SETTING_NAMES.map((n) => [n, FULL_VALUES[n] ?? ''])),
    created: T0,
    updated: T0 + 86_400_000 * 12 + 4321,
    sourceDevice: '868123456789012',
  };
}

/** Every setting at its factory default. */
export function defaultsProfile(name = 'Factory defaults'): Profile {
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    name,
    notes: '',
    values: { ...factoryDefaults() },
    created: T0,
    updated: T0,
  };
}

export function smallProfile(name: string, overrides: Record<string, string> = {}): Profile {
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    name,
    notes: '',
    values: { WKMOD: 'NET', SOCKA: 'TCP,iot.example.com,5000', ...overrides },
    created: T0,
    updated: T0,
  };
}
