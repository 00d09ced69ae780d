import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { saveBlob } from '../components/profile-files/download';
import { recordingFileName, type LogRecorder } from './log-recorder';
import { sizeText, STREAM_LOG } from './strings';

/** How often the running size is shown again while recording, ms (never per entry). */
const REFRESH_MS = 1000;

/**
 * "Record the whole log" / "Stop and save": the owner feeds `recorder` with every entry (from `onStart`
 * until `onStop`); this button starts and stops it, shows the size once a second and, on stop, offers the
 * file for download. The recorder may outlive the button (a view switch): the button shows its state.
 */
@customElement('dtu-record-button')
export class DtuRecordButton extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      [data-recording='yes'] {
        border-color: var(--dtu-error);
        color: var(--dtu-error);
      }
    `,
  ];

  @property({ attribute: false }) recorder: LogRecorder | undefined;
  /** Runs right after the recording starts (e.g. to add the entries already kept and to feed it). */
  @property({ attribute: false }) onStart: () => void = () => undefined;
  /** Runs when the recording stops (e.g. to stop feeding it). */
  @property({ attribute: false }) onStop: () => void = () => undefined;
  /** File name prefix. */
  @property() filePrefix = 'dtu-recording';

  @state() private tick = 0;
  @state() private saved: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly i18n = new LanguageController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // A recording outlives the view that shows this button: shown again, it keeps counting.
    if (this.recorder?.recording) this.startTimer();
  }

  override disconnectedCallback(): void {
    this.stopTimer();
    super.disconnectedCallback();
  }

  private startTimer(): void {
    this.stopTimer();
    this.timer = setInterval(() => this.tick++, REFRESH_MS);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private start(): void {
    if (!this.recorder) return;
    this.saved = undefined;
    this.recorder.start();
    this.onStart();
    this.startTimer();
    this.tick++;
  }

  private stop(): void {
    if (!this.recorder) return;
    this.stopTimer();
    const { bytes } = this.recorder.summary;
    const blob = this.recorder.stop();
    this.onStop();
    const file = recordingFileName(new Date(), this.filePrefix);
    saveBlob(file, blob);
    this.saved = this.i18n.f(STREAM_LOG.saved, { size: sizeText(bytes), file });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const recording = this.recorder?.recording === true;
    const summary = this.recorder?.summary;
    return html`
      <button
        type="button"
        data-testid="record-log"
        data-recording=${recording ? 'yes' : 'no'}
        aria-pressed=${recording ? 'true' : 'false'}
        @click=${() => (recording ? this.stop() : this.start())}
      >
        ${t(recording ? STREAM_LOG.stop : STREAM_LOG.record)}
      </button>
      ${
        recording && summary
          ? html`<span class="muted small" role="status" data-testid="record-status" data-tick=${this.tick}
              >${this.i18n.f(STREAM_LOG.recording, { entries: summary.entries, size: sizeText(summary.bytes) })}</span
            >`
          : nothing
      }
      ${!recording && this.saved ? html`<span class="muted small" role="status">${this.saved}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-record-button': DtuRecordButton;
  }
}
