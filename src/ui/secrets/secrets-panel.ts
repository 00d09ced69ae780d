import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PRIVATE_MARKABLE } from '../../protocol/secrets';
import {
  countDeviceData,
  countProfileSecrets,
  forgetDevices,
  onStoreEvent,
  removeAllProfileSecrets,
  StorageError,
  type DeviceDataCount,
} from '../../storage';
import { LanguageController } from '../controllers/language-controller';
import { settingLabel } from '../logic/profile-format';
import { base, tokens } from '../styles/shared';
import { loadPrivateMarks, setPrivateMark } from './private-marks';
import { SEC } from './strings';

/**
 * "Passwords and privacy" in the profiles view: how many saved profiles hold passwords (in clear or
 * encrypted) with one button to remove them from all at once; which registration/heartbeat data count as
 * secret; what is remembered about devices, with one button to forget it. docs/security.md says the same
 * at length.
 */
@customElement('dtu-secrets-panel')
export class DtuSecretsPanel extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      details {
        margin: 0 0 16px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 4px 0;
      }
      .marks label {
        display: flex;
        margin: 4px 0;
      }
      section {
        margin: 12px 0 0;
      }
    `,
  ];

  @state() private profiles = { clear: 0, sealed: 0, damaged: 0 };
  @state() private devices: DeviceDataCount = { devices: 0, applies: 0, ports: 0 };
  @state() private marks: ReadonlySet<string> = new Set();
  @state() private confirming = false;
  @state() private message = '';
  @state() private error = '';
  /** Open at first when a profile holds passwords in clear; then as the person leaves it. */
  @state() private expanded: boolean | undefined;

  private readonly i18n = new LanguageController(this);
  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onStoreEvent((e) => {
      if (e.type === 'changed') void this.refresh();
    });
    void loadPrivateMarks().then((m) => (this.marks = m));
    void this.refresh();
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    super.disconnectedCallback();
  }

  private async refresh(): Promise<void> {
    try {
      [this.profiles, this.devices] = await Promise.all([countProfileSecrets(), countDeviceData()]);
      this.expanded ??= this.profiles.clear > 0;
    } catch {
      // Storage unavailable: the view already says so.
    }
  }

  private async run(op: () => Promise<string>): Promise<void> {
    this.error = '';
    this.message = '';
    try {
      this.message = await op();
    } catch (e) {
      this.error =
        e instanceof StorageError ? this.i18n.t(e.text) : e instanceof Error ? e.message : String(e);
    }
  }

  private removeAll(): Promise<void> {
    this.confirming = false;
    return this.run(async () => {
      const r = await removeAllProfileSecrets();
      return this.i18n.f(SEC.panel.removedAll, { n: r.profiles });
    });
  }

  private forget(): Promise<void> {
    return this.run(async () => {
      await forgetDevices();
      return this.i18n.t(SEC.panel.forgotten);
    });
  }

  private mark(name: string, on: boolean): Promise<void> {
    return this.run(async () => {
      this.marks = await setPrivateMark(name, on);
      return '';
    });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const p = this.profiles;
    const any = p.clear + p.sealed > 0;
    return html`<details
      data-testid="secrets-panel"
      ?open=${this.expanded === true}
      @toggle=${(e: Event) => (this.expanded = (e.target as HTMLDetailsElement).open)}
    >
      <summary>${t(SEC.panel.heading)}</summary>
      <p class="muted">${t(SEC.panel.intro)}</p>
      <section>
        <p data-testid="secrets-panel-profiles">
          ${f(SEC.panel.profiles, { clear: p.clear, sealed: p.sealed })}
        </p>
        ${p.damaged > 0 ? html`<p class="muted small">${f(SEC.panel.damaged, { n: p.damaged })}</p>` : nothing}
        ${
          this.confirming
            ? html`<p role="alert">${t(SEC.panel.confirmRemoveAll)}</p>
                <div class="row">
                  <button
                    type="button"
                    class="danger"
                    data-testid="secrets-remove-all-confirm"
                    @click=${() => void this.removeAll()}
                  >
                    ${t(SEC.panel.confirm)}
                  </button>
                  <button type="button" @click=${() => (this.confirming = false)}>
                    ${t(SEC.panel.cancel)}
                  </button>
                </div>`
            : html`<button
                type="button"
                data-testid="secrets-remove-all"
                ?disabled=${!any}
                @click=${() => (this.confirming = true)}
              >
                ${t(SEC.panel.removeAll)}
              </button>`
        }
      </section>
      <section class="marks">
        <p>${t(SEC.panel.privateLegend)}</p>
        ${PRIVATE_MARKABLE.map(
          (name) =>
            html`<label class="inline">
              <input
                type="checkbox"
                data-testid=${`private-${name}`}
                .checked=${this.marks.has(name)}
                @change=${(e: Event) => void this.mark(name, (e.target as HTMLInputElement).checked)}
              />
              ${settingLabel(name, this.i18n.lang)} <code>AT+${name}</code>
            </label>`,
        )}
      </section>
      <section>
        <p data-testid="secrets-panel-devices">${f(SEC.panel.devices, { ...this.devices })}</p>
        <button
          type="button"
          data-testid="secrets-forget-devices"
          ?disabled=${this.devices.devices + this.devices.applies + this.devices.ports === 0}
          @click=${() => void this.forget()}
        >
          ${t(SEC.panel.forget)}
        </button>
        <p class="muted small">${t(SEC.panel.wipeAll)}</p>
      </section>
      ${this.message ? html`<p class="notice ok" role="status">${this.message}</p>` : nothing}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-secrets-panel': DtuSecretsPanel;
  }
}
