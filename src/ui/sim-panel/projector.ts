/**
 * Projector mode (issue 12): large type and high contrast for the simulator panel and the terminal, readable
 * from the back of a classroom at 1280×720. One switch for the whole app, remembered in `localStorage`
 * (`dtu.projector`); each element that takes part adds `ProjectorController` (it sets the host's
 * `projector` attribute) and `projectorStyles` (which respond to it).
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { PROJECTOR_EVENT as EVENT, PROJECTOR_KEY as KEY } from './projector-key';

export function projectorOn(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Turns projector mode on or off for every view showing now and later. */
export function setProjector(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the switch still holds for this page.
  }
  window.dispatchEvent(new CustomEvent<boolean>(EVENT, { detail: on }));
}

type Host = ReactiveControllerHost & HTMLElement;

/** Keeps the host's `projector` attribute in step with the switch. */
export class ProjectorController implements ReactiveController {
  private on = projectorOn();
  private readonly changed = (e: Event): void => {
    this.on = (e as CustomEvent<boolean>).detail;
    this.apply();
    this.host.requestUpdate();
  };

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  get active(): boolean {
    return this.on;
  }

  hostConnected(): void {
    this.on = projectorOn();
    this.apply();
    window.addEventListener(EVENT, this.changed);
  }

  hostDisconnected(): void {
    window.removeEventListener(EVENT, this.changed);
  }

  private apply(): void {
    this.host.toggleAttribute('projector', this.on);
  }
}

/**
 * What projector mode changes: 22 px type (headings and small print in proportion — the shared styles size
 * them in rem, which would not follow), black on white with dark accents (contrast well above 7:1), bold
 * borders, a thick two-colour focus ring, larger controls. Logs get `--dtu-log-font`.
 */
export const projectorStyles = css`
  :host([projector]) {
    --dtu-bg: #ffffff;
    --dtu-surface: #ffffff;
    --dtu-text: #000000;
    --dtu-muted: #1f1f1f;
    --dtu-border: #000000;
    --dtu-accent: #003a7a;
    --dtu-ok: #0a4a1c;
    --dtu-ok-bg: #d9f2e0;
    --dtu-warn: #5a3600;
    --dtu-error: #8a0000;
    --dtu-error-bg: #ffe0e0;
    --dtu-log-font: 20px;
    --log-height: 420px;
    font-size: 22px;
    line-height: 1.4;
  }
  :host([projector]) h2 {
    font-size: 1.45em;
  }
  :host([projector]) h3 {
    font-size: 1.2em;
  }
  :host([projector]) .small {
    font-size: 0.9em;
  }
  :host([projector]) .card {
    border-width: 2px;
  }
  :host([projector]) button,
  :host([projector]) input,
  :host([projector]) select {
    font-size: 1em;
    min-height: 48px;
    border-width: 2px;
  }
  :host([projector]) input[type='checkbox'],
  :host([projector]) input[type='radio'] {
    width: 1.1em;
    height: 1.1em;
    min-height: 0;
  }
  /* Small nested elements with their own fixed type size are scaled as a whole. */
  :host([projector]) dtu-record-button,
  :host([projector]) dtu-log-download {
    zoom: 1.4;
  }
  :host([projector]) :focus-visible {
    outline: 5px solid #000000;
    outline-offset: 3px;
    box-shadow: 0 0 0 9px #ffd400;
  }
`;
