import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { onStoreEvent } from '../../../storage';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { base, tokens } from '../../styles/shared';

type Notice = 'versionchange' | 'blocked' | 'terminated';

/**
 * What the person must know about the saved data itself (docs/profiles.md, "Two tabs"): another tab
 * opened a newer version (reload), an older tab blocks this one's upgrade (close it), or the browser
 * closed the database. Listens to the store's events while in the page.
 */
@customElement('dtu-profile-storage-notice')
export class DtuProfileStorageNotice extends LitElement {
  static override styles = [tokens, base];

  private readonly i18n = new LanguageController(this);
  private unsubscribe: (() => void) | undefined;

  @state() private notice: Notice | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onStoreEvent((e) => {
      if (e.type === 'versionchange' || e.type === 'terminated') this.notice = e.type;
      else if (e.type === 'blocked') this.notice = 'blocked';
      else if (e.type === 'changed' && this.notice === 'blocked') this.notice = undefined;
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    super.disconnectedCallback();
  }

  override render() {
    if (!this.notice) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="notice error" role="alert" data-testid="storage-notice" data-kind=${this.notice}>
      <p>${t(P.storage[this.notice])}</p>
      ${
        this.notice === 'blocked'
          ? nothing
          : html`<button type="button" class="primary" @click=${() => location.reload()}>
              ${t(P.storage.reload)}
            </button>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-storage-notice': DtuProfileStorageNotice;
  }
}
