import type { SmsRecord } from '../core/control';

/** The number of the virtual phone (manual 3.1.7.66 example). */
export const PHONE_NUMBER = '8613854123456';

/** The virtual phone: keeps the SMS it got from the module and those it sent. */
export class VirtualPhone {
  readonly inbox: SmsRecord[] = [];
  readonly sent: SmsRecord[] = [];

  constructor(readonly number: string = PHONE_NUMBER) {}

  clear(): void {
    this.inbox.length = 0;
    this.sent.length = 0;
  }
}
