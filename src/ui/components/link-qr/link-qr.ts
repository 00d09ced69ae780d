import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Text } from '../../../protocol/types';
import { LanguageController } from '../../controllers/language-controller';
import { base, tokens } from '../../styles/shared';
import { qrDataUrl } from './qr-data-url';

/** What the block says; each user passes its own `{en, zh}` pairs (picked here in the current language). */
export interface LinkQrText {
  /** The field's label. */
  readonly link: Text;
  /** The link's length, with `{n}`. */
  readonly length: Text;
  readonly copy: Text;
  readonly copied: Text;
  readonly copyFailed: Text;
  /** The QR image's alt text. */
  readonly qr: Text;
  /** Shown instead of the QR code when the link is too long for one. */
  readonly qrTooLong: Text;
}

/**
 * A link to hand on: the URL in a read-only field with its length, a "Copy" button with a copied / failed
 * status (on failure the field is selected so the person can copy it themselves), and its QR code as an
 * `<img>` data URL (or a notice when the link is too long for one). Test ids are `<testid-prefix>-link`,
 * `-copy`, `-copy-status` and `-qr`. `prominent`: the link is the main thing where it is shown (the copy
 * button is the primary action, the field is larger, the QR code centred and "too long" a notice);
 * otherwise it is a quieter alternative to something else (the too-long text is muted).
 */
@customElement('dtu-link-qr')
export class DtuLinkQr extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
      }
      :host([prominent]) label {
        display: flex;
      }
      textarea {
        width: 100%;
        min-height: 4.5em;
        font-family: var(--dtu-mono);
        font-size: 0.8rem;
        word-break: break-all;
      }
      :host([prominent]) textarea {
        min-height: 5.5em;
        font-size: 0.85rem;
        resize: vertical;
      }
      :host([prominent]) .row {
        margin: 8px 0;
      }
      .qr {
        display: block;
        width: min(260px, 100%);
        height: auto;
        margin: 8px 0;
        image-rendering: pixelated;
        background: #fff;
      }
      :host([prominent]) .qr {
        margin: 8px auto;
      }
    `,
  ];

  @property() url = '';
  @property({ attribute: false }) text: LinkQrText | undefined;
  @property({ attribute: 'testid-prefix' }) testidPrefix = 'link';
  @property({ type: Boolean, reflect: true }) prominent = false;

  @state() private copyState: 'copied' | 'failed' | undefined;
  /** The QR data URL of `url`, made once per link (not on every redraw). */
  private qr: string | undefined;

  private readonly i18n = new LanguageController(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('url')) {
      this.qr = qrDataUrl(this.url);
      this.copyState = undefined;
    }
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.url);
      this.copyState = 'copied';
    } catch {
      this.copyState = 'failed';
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.select();
    }
  }

  override render() {
    const text = this.text;
    if (!text) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const id = this.testidPrefix;
    const status =
      this.copyState === 'copied' ? t(text.copied) : this.copyState === 'failed' ? t(text.copyFailed) : '';
    return html`<label
        >${t(text.link)}
        <span class="muted small">${this.i18n.f(text.length, { n: this.url.length })}</span>
        <textarea
          readonly
          data-testid="${id}-link"
          .value=${this.url}
          @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}
        ></textarea>
      </label>
      <div class="row">
        <button
          type="button"
          class=${this.prominent ? 'primary' : ''}
          data-testid="${id}-copy"
          @click=${() => void this.copy()}
        >
          ${t(text.copy)}
        </button>
        <span role="status" data-testid="${id}-copy-status">${status}</span>
      </div>
      ${
        this.qr
          ? html`<img
              class="qr"
              data-testid="${id}-qr"
              src=${this.qr}
              alt=${t(text.qr)}
              width="260"
              height="260"
            />`
          : html`<p class=${this.prominent ? 'notice' : 'muted'}>${t(text.qrTooLong)}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-link-qr': DtuLinkQr;
  }
}
