/**
 * What survives a restart and a power cycle: stored settings, user defaults (AT+CFGTF), identity, and a
 * downloaded firmware waiting for a full reboot (AT+UPDATE).
 */
import { factoryDefaults } from '../../protocol/catalogue';
import type { ModuleIdentity } from './control';

/** What a saved simulator state puts back into flash (simulator/host/saved-state.ts). */
export interface FlashContents {
  readonly stored?: Readonly<Record<string, string>>;
  readonly user?: Readonly<Record<string, string>>;
  readonly identity?: ModuleIdentity;
}

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

  /**
   * Contents kept from an earlier run (a saved simulator state): stored settings and user defaults over
   * the factory ones, and the identity in force. A demo reset still goes back to the first identity.
   */
  restore(saved: FlashContents): void {
    if (saved.stored) this.stored = { ...factoryDefaults(), ...saved.stored };
    if (saved.user) this.user = { ...factoryDefaults(), ...saved.user };
    if (saved.identity) this.identity = { ...saved.identity };
  }

  /** Applies a downloaded upgrade (full boot only). */
  installPending(): void {
    if (this.pendingVersion) {
      this.identity = { ...this.identity, version: this.pendingVersion };
      this.pendingVersion = undefined;
    }
  }
}
