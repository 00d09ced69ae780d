/**
 * Typed events of the UI's components (properties down, events up). Every event name is in
 * `HTMLElementEventMap`, so `@dtu-edit=${(e) => …}` gets a typed `e.detail`.
 */
import type { ManageAction } from './services/session-service';

export interface EditDetail {
  /** The setting, e.g. `SOCKA`. */
  readonly name: string;
  /** One text per parameter, as typed (escaped form). */
  readonly parts: readonly string[];
}

export interface NameDetail {
  readonly name: string;
}

export interface ManageDetail {
  readonly action: ManageAction;
}

export type DtuEditEvent = CustomEvent<EditDetail>;
export type DtuRevertEvent = CustomEvent<NameDetail>;

/** A composed, bubbling event, so it crosses shadow roots to the view that handles it. */
export function dtuEvent<K extends keyof DtuEventMap>(
  type: K,
  detail: DtuEventMap[K]['detail'],
): DtuEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as DtuEventMap[K];
}

export interface DtuEventMap {
  /** A setting field changed. */
  'dtu-edit': CustomEvent<EditDetail>;
  /** Put a setting back to the device's value. */
  'dtu-revert': CustomEvent<NameDetail>;
  /** Show the help for the current failure. */
  'dtu-show-help': CustomEvent<undefined>;
  /** The help dialog's "use the simulator" button. */
  'dtu-use-simulator': CustomEvent<undefined>;
  /** The help dialog's "try again" button. */
  'dtu-retry': CustomEvent<undefined>;
  /** A dialog closed (any way). */
  'dtu-close': CustomEvent<undefined>;
  /** A confirmation dialog was confirmed. */
  'dtu-confirm': CustomEvent<undefined>;
  /** An apply report's "restore previous values" button. */
  'dtu-restore': CustomEvent<undefined>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends DtuEventMap {}
}
