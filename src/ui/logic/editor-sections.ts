/**
 * How the settings editor is laid out: sections in the order of the manual's chapter 2 (working mode,
 * serial port, sockets, registration, heartbeat, cloud, HTTPD, SMS, RFC2217-like, socket distribution) and
 * management last. Which setting goes where is derived from its catalogue entry (`sectionOf`), so a
 * setting added to the catalogue appears in the editor without touching this file.
 */
import type { CommandEntry, Text } from '../../protocol/types';
import { S } from '../i18n/strings';

export type SectionId =
  | 'workMode'
  | 'serial'
  | 'sockets'
  | 'registration'
  | 'heartbeat'
  | 'cloud'
  | 'httpd'
  | 'sms'
  | 'rfc2217'
  | 'distribution'
  | 'management';

export interface SectionInfo {
  readonly id: SectionId;
  readonly title: Text;
  /** The manual's chapter for the whole section. */
  readonly manual: string;
  /** A paragraph shown instead of / above the fields (SMS has no stored settings). */
  readonly note?: Text;
}

export const SECTIONS: readonly SectionInfo[] = [
  { id: 'workMode', title: S.section.workMode, manual: '2.1' },
  { id: 'serial', title: S.section.serial, manual: '2.2' },
  { id: 'sockets', title: S.section.sockets, manual: '2.1.1' },
  { id: 'registration', title: S.section.registration, manual: '2.3.1' },
  { id: 'heartbeat', title: S.section.heartbeat, manual: '2.3.2' },
  { id: 'cloud', title: S.section.cloud, manual: '2.3.3' },
  { id: 'httpd', title: S.section.httpd, manual: '2.1.2' },
  { id: 'sms', title: S.section.sms, manual: '3.1.5', note: S.settings.sms },
  { id: 'rfc2217', title: S.section.rfc2217, manual: '2.2.3', note: S.settings.rfc2217 },
  { id: 'distribution', title: S.section.distribution, manual: '2.3.4' },
  { id: 'management', title: S.section.management, manual: '3.1.7' },
];

/** The section of a stored setting. */
export function sectionOf(entry: CommandEntry): SectionId {
  if (entry.name === 'WKMOD') return 'workMode';
  if (entry.name === 'RFCEN') return 'rfc2217';
  if (entry.name === 'SDPEN' || entry.name === 'SOCKIND') return 'distribution';
  if (entry.socket) return 'sockets';
  switch (entry.group) {
    case 'serial':
      return 'serial';
    case 'registration':
      return 'registration';
    case 'heartbeat':
      return 'heartbeat';
    case 'cloud':
      return 'cloud';
    case 'httpd':
      return 'httpd';
    case 'sms':
      return 'sms';
    default:
      return 'management';
  }
}

/** Settings of each section, in the order given (pass the catalogue's editor order, SETTING_NAMES). */
export function groupSettings(
  settings: readonly CommandEntry[],
): ReadonlyMap<SectionId, readonly CommandEntry[]> {
  const out = new Map<SectionId, CommandEntry[]>(SECTIONS.map((s) => [s.id, []]));
  for (const entry of settings) out.get(sectionOf(entry))?.push(entry);
  return out;
}
