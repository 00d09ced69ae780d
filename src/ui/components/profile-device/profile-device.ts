import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SETTING_NAMES } from '../../../protocol/catalogue';
import '../progress-bar/progress-bar';
import { LanguageController } from '../../controllers/language-controller';
import { SessionController } from '../../controllers/session-controller';
import { StoreController } from '../../controllers/store-controller';
import { P } from '../../i18n/profile-strings';
import { rememberDeviceRead } from '../../secrets/device-records';
import type { Transport } from '../../services/session-service';
import { base, tokens } from '../../styles/shared';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The device as far as profiles need it, in place: connect (USB serial or the simulator, line detected
 * automatically — the Connect view has every option), then read every setting into the shared store so
 * profiles can be saved from it, compared with it and applied to it. The device is remembered as seen
 * (identity only, best effort): the values read stay in the page unless saved (docs/security.md).
 */
@customElement('dtu-profile-device')
export class DtuProfileDevice extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        margin: 0 0 16px;
      }
      .card {
        margin: 0;
      }
      p:last-child {
        margin-bottom: 0;
      }
    `,
  ];

  /**
   * The values of the profile being applied, when there is one: auto-detect tries its UART rate early and
   * its UARTFT times `+++` when nothing is remembered about the device.
   */
  @property({ attribute: false }) profile: Readonly<Record<string, string>> | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);

  @state() private connecting = false;
  @state() private reading: { done: number; total: number } | undefined;
  @state() private error: string | undefined;

  private async connect(transport: Transport): Promise<void> {
    this.error = undefined;
    this.connecting = true;
    this.store.value.forgetDevice();
    try {
      await this.session.api.connect({
        transport,
        line: 'auto',
        ...(this.profile ? { profile: this.profile } : {}),
      });
      this.store.value.setIdentity(await this.session.api.identify());
    } catch (e) {
      // The session is `failed` now and the shell opens the help; say it here too.
      this.error = this.i18n.f(P.device.connectFailed, { error: message(e) });
    } finally {
      this.connecting = false;
    }
  }

  private async read(): Promise<void> {
    this.error = undefined;
    this.reading = { done: 0, total: SETTING_NAMES.length };
    const store = this.store.value;
    try {
      if (!store.identity) store.setIdentity(await this.session.api.identify());
      const values = await this.session.api.readAll((done, total) => (this.reading = { done, total }));
      store.setDevice(values);
      const id = store.identity;
      if (id) {
        void rememberDeviceRead({ imei: id.imei, sn: id.sn, firmware: id.version }).catch(() => undefined);
      }
    } catch (e) {
      this.error = this.i18n.f(P.device.readFailed, { error: message(e) });
    } finally {
      this.reading = undefined;
    }
  }

  private renderState() {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.session.state;
    const store = this.store.value;
    if (this.reading) {
      return html`<dtu-progress-bar
        .value=${this.reading.done / Math.max(1, this.reading.total)}
        .label=${this.i18n.f(P.device.reading, this.reading)}
      ></dtu-progress-bar>`;
    }
    if (this.connecting || s.kind === 'opening' || s.kind === 'entering') {
      return html`<p role="status" aria-busy="true">${t(P.device.connecting)}</p>`;
    }
    if (s.kind === 'disconnected' || s.kind === 'failed') {
      const serial = this.session.available && this.session.api.webSerialAvailable;
      return html`<p>${t(P.device.disconnected)}</p>
        <div class="row">
          ${
            serial
              ? html`<button
                  type="button"
                  data-testid="profile-connect-serial"
                  @click=${() => void this.connect('serial')}
                >
                  ${t(P.device.connectSerial)}
                </button>`
              : nothing
          }
          <button
            type="button"
            data-testid="profile-connect-simulator"
            @click=${() => void this.connect('simulator')}
          >
            ${t(P.device.connectSimulator)}
          </button>
          <a href="#connect">${t(P.device.more)}</a>
        </div>`;
    }
    const busy = s.kind === 'busy';
    if (!store.device) {
      return html`<p>${t(P.device.notRead)}</p>
        <button
          type="button"
          class="primary"
          data-testid="profile-read-device"
          ?disabled=${busy}
          @click=${() => void this.read()}
        >
          ${t(P.device.read)}
        </button>`;
    }
    const id = store.identity?.imei || store.identity?.sn;
    return html`<div class="row">
      <p class="ok" data-testid="profile-device-read">
        ${this.i18n.f(P.device.readDone, { id: id ? ` ${id}` : '' })}
      </p>
      <button type="button" ?disabled=${busy} @click=${() => void this.read()}>${t(P.device.reread)}</button>
    </div>`;
  }

  override render() {
    if (!this.store.available || !this.session.available) return nothing;
    return html`<section class="card" aria-labelledby="device-h" data-testid="profile-device">
      <h3 id="device-h">${this.i18n.t(P.device.heading)}</h3>
      ${this.renderState()}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-device': DtuProfileDevice;
  }
}
