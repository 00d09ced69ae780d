/**
 * What survives a restart and a power cycle: stored settings, user defaults (AT+CFGTF), identity, and a
 * downloaded firmware waiting for a full reboot (AT+UPDATE).
 */
import { factoryDefaults } from '../../protocol/catalogue';
import type { ModuleIdentity } from './control';

export class Flash {
  stored: Record<string, string>;
  user: Record<string, string>;
  identity: ModuleIdentity;
  /** Version installed by the next full reboot (AT+UPDATE), if any. */
  pendingVersion: string | undefined;

  constructor(private readonly initialIdentity: ModuleIdentity) {
    this.stored = { ...factoryDefaults() };
    this.user = { ...factoryDefaults() };
    this.identity = { ...initialIdentity };
  }

  restoreFactory(): void {
    this.stored = { ...factoryDefaults() };
  }

  restoreUser(): void {
    this.stored = { ...factoryDefaults(), ...this.user };
  }

  saveUser(): void {
    this.user = { ...this.stored };
  }

  /** Everything as new (demo reset): factory settings and user defaults, first identity, no upgrade. */
  wipe(): void {
    this.stored = { ...factoryDefaults() };
    this.user = { ...factoryDefaults() };
    this.identity = { ...this.initialIdentity };
    this.pendingVersion = undefined;
  }

  /** Applies a downloaded upgrade (full boot only). */
  installPending(): void {
    if (this.pendingVersion) {
      this.identity = { ...this.identity, version: this.pendingVersion };
      this.pendingVersion = undefined;
    }
  }
}
