import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { realClock } from '../../clock/clock';
import type { Text } from '../../protocol/types';
import { parseFieldAnswers, type AnswerProblem } from '../../profile/remote/field-answers';
import { canQuery, planFieldQueries, type FieldQueries } from '../../profile/remote/field-queries';
import type { RemoteSocket } from '../../profile/remote/path-warnings';
import { sameValue } from '../../profile/remote/replies';
import { simulatorContext } from '../context';
import { LanguageController } from '../controllers/language-controller';
import { format } from '../i18n/language';
import { formatTime } from '../logic/profile-format';
import { base, tokens } from '../styles/shared';
import { FIELD as F, type FieldSource } from './field-strings';
import { shownPayload, shownValue } from './payload-text';
import { copyPayload, payloadTable, payloadTableStyles, type PayloadRow } from './payload-table';
import { readByNetwork, readBySms, type FieldRead } from './sim-read';
import { REMOTE as R } from './strings';

/** What the field module answered: the baseline of "only what differs from the field module". */
export interface FieldBaseline {
  /** Canonical values, every setting answered. */
  readonly values: Readonly<Record<string, string>>;
  /** When the answers were read (wall clock, ms). */
  readonly at: number;
  readonly source: FieldSource;
}

/** The settings a target asks about, as one key. */
function askedKey(target: Readonly<Record<string, string>>): string {
  return Object.keys(target).join('\n');
}

/** Fired with `detail`: the new baseline, or undefined when the answers were forgotten. */
export type FieldBaselineEvent = CustomEvent<FieldBaseline | undefined>;

/**
 * "Read the field module first" (docs/remote.md): the query payloads for the profile's settings, shown
 * and copied like the set payloads; a box for the module's answers as they came, read strictly
 * (profile/remote/field-answers.ts); on the built-in simulator, the queries sent through the virtual phone
 * or a virtual server with the answers filled in. A read baseline goes up as `field-baseline`; the pasted
 * text is dropped once read (it can hold passwords) and the values are shown masked like the rest.
 */
@customElement('dtu-remote-field-read')
export class DtuRemoteFieldRead extends LitElement {
  static override styles = [
    tokens,
    base,
    payloadTableStyles,
    css`
      :host {
        display: block;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      textarea {
        display: block;
        width: 100%;
        min-height: 6em;
        font-family: var(--dtu-mono);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin: 8px 0;
      }
    `,
  ];

  /** The profile's values: its settings are queried. */
  @property({ attribute: false }) target: Readonly<Record<string, string>> = {};
  @property({ attribute: false }) password = '';
  @property({ type: Number }) uartfl = 1024;
  @property({ attribute: false }) socket: RemoteSocket = 'A';
  /** Show passwords in clear (the panel's "Show the passwords" checkbox). */
  @property({ type: Boolean }) reveal = false;
  /** The answers read, as the panel holds them. */
  @property({ attribute: false }) baseline: FieldBaseline | undefined;
  /** The panel is sending payloads: no reading through the simulator meanwhile (the answers would mix). */
  @property({ type: Boolean }) busy = false;

  @state() private text = '';
  @state() private problems: readonly AnswerProblem[] = [];
  @state() private running = false;
  @state() private simRead: FieldRead | undefined;
  @state() private copied = '';

  private readonly i18n = new LanguageController(this);
  private readonly simulator = new ContextConsumer(this, { context: simulatorContext, subscribe: true });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Problems named for another profile's settings no longer apply. The panel may hand over a new but
    // equal object on each render (unlocked profiles), so the settings asked are compared, not the object.
    const before = changed.get('target');
    if (changed.has('target') && before !== undefined && askedKey(before) !== askedKey(this.target)) {
      this.problems = [];
      this.simRead = undefined;
    }
  }

  private queries(): FieldQueries {
    return planFieldQueries(this.target, { password: this.password, uartfl: this.uartfl });
  }

  private emit(baseline: FieldBaseline | undefined): void {
    this.dispatchEvent(
      new CustomEvent('field-baseline', { detail: baseline, bubbles: true, composed: true }),
    );
  }

  /** Reads `text` strictly; on success the text is dropped (it may hold passwords) and the baseline sent up. */
  private read(text: string, source: FieldSource): void {
    const result = parseFieldAnswers(text, this.queries().names);
    this.problems = result.problems;
    if (result.problems.length > 0) {
      this.text = text;
      return;
    }
    this.text = '';
    this.emit({ values: result.values, at: Date.now(), source });
  }

  private async readOnSimulator(channel: 'sms' | 'network'): Promise<void> {
    const service = this.simulator.value;
    if (!service || this.running) return;
    this.running = true;
    this.dispatchEvent(new CustomEvent('field-reading', { detail: true, bubbles: true, composed: true }));
    this.simRead = undefined;
    this.problems = [];
    try {
      const sim = await service.get();
      const deps = { sim, clock: realClock };
      const queries = this.queries();
      this.simRead =
        channel === 'sms' ? await readBySms(queries, deps) : await readByNetwork(queries, this.socket, deps);
      if (this.simRead.outcome !== 'not-connected') this.read(this.simRead.text, channel);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.problems = [
        { message: { en: format(R.failed, 'en', { message }), zh: format(R.failed, 'zh', { message }) } },
      ];
    } finally {
      this.running = false;
      this.dispatchEvent(new CustomEvent('field-reading', { detail: false, bubbles: true, composed: true }));
    }
  }

  private async copy(text: string, what: string): Promise<void> {
    this.copied = await copyPayload(text, what, this.i18n.f.bind(this.i18n));
  }

  private renderQueries(heading: Text, testid: string, rows: readonly PayloadRow[]): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<h5>${t(heading)}</h5>
      ${payloadTable(t, rows, {
        testid,
        rowTestid: 'query-row',
        onCopy: (row) => void this.copy(row.copied, row.name),
      })}`;
  }

  private renderAnswers(baseline: FieldBaseline): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const shown = (name: string, value: string | undefined): string => shownValue(name, value, this.reveal);
    const names = Object.keys(baseline.values);
    return html`<p role="status" data-testid="field-answers-read">
        ${f(F.answersRead, {
          count: names.length,
          source: t(F.source[baseline.source]),
          time: formatTime(baseline.at, this.i18n.lang),
        })}
      </p>
      <div class="table-wrap">
        <table data-testid="field-answers">
          <thead>
            <tr>
              <th scope="col">${t(F.colSetting)}</th>
              <th scope="col">${t(F.colField)}</th>
              <th scope="col">${t(F.colProfile)}</th>
              <th scope="col">${t(F.colCompare)}</th>
            </tr>
          </thead>
          <tbody>
            ${names.map((name) => {
              const held = baseline.values[name] ?? '';
              const wanted = this.target[name];
              const state =
                wanted === undefined ? 'absent' : sameValue(name, held, wanted) ? 'same' : 'differs';
              const label = state === 'absent' ? F.notInProfile : state === 'same' ? F.same : F.differs;
              return html`<tr data-testid="field-answer-row" data-setting=${name} data-state=${state}>
                <td>AT+${name}</td>
                <td class="payload">${shown(name, held)}</td>
                <td class="payload">${shown(name, wanted)}</td>
                <td>${t(label)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <div class="buttons">
        <button type="button" data-testid="field-forget" @click=${() => this.emit(undefined)}>
          ${t(F.clear)}
        </button>
      </div>`;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const t = this.i18n.t.bind(this.i18n);
    if (this.problems.length === 0) return nothing;
    return html`<div class="notice error" role="alert" data-testid="field-problems">
      <p>${t(F.problems)}</p>
      <ul>
        ${this.problems.map((p) => html`<li>${t(p.message)}</li>`)}
      </ul>
    </div>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const q = this.queries();
    if (q.names.length === 0) return nothing;
    const noSim = this.running || this.busy || !this.simulator.value || q.optionProblems.length > 0;
    return html`<details data-testid="remote-field-read">
      <summary>${t(F.heading)}</summary>
      <p class="muted small">${t(F.intro)}</p>
      ${this.copied ? html`<p class="notice" role="status">${this.copied}</p>` : nothing}
      ${this.renderQueries(
        F.smsHeading,
        'field-query-sms',
        q.sms.map((p) => ({
          name: f(F.smsNumber, { n: p.number }),
          shown: shownPayload(q.prefix, p.command, this.reveal),
          problem: p.problem,
          copied: p.text,
        })),
      )}
      ${this.renderQueries(
        F.networkHeading,
        'field-query-network',
        q.network.map((p) => ({
          name: f(F.lineNumber, { n: p.number }),
          shown: shownPayload(q.prefix, p.command, this.reveal, true),
          problem: p.problem,
          copied: p.line,
        })),
      )}
      <label for="answers">${t(F.answersLabel)}</label>
      <p id="answers-hint" class="muted small">${t(F.answersHint)}</p>
      <textarea
        id="answers"
        data-testid="field-answers-text"
        autocomplete="off"
        spellcheck="false"
        aria-describedby="answers-hint"
        .value=${this.text}
        @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          data-testid="field-read-pasted"
          ?disabled=${this.running}
          @click=${() => this.read(this.text, 'pasted')}
        >
          ${t(F.readPasted)}
        </button>
        <button
          type="button"
          data-testid="field-read-sms"
          ?disabled=${noSim || !canQuery(q, 'sms')}
          @click=${() => void this.readOnSimulator('sms')}
        >
          ${t(this.running ? F.reading : F.readSms)}
        </button>
        <button
          type="button"
          data-testid="field-read-network"
          ?disabled=${noSim || !canQuery(q, 'network')}
          @click=${() => void this.readOnSimulator('network')}
        >
          ${f(F.readNetwork, { s: this.socket })}
        </button>
      </div>
      ${
        this.simRead
          ? html`<p
              class=${`notice ${this.simRead.outcome === 'read' ? 'ok' : this.simRead.outcome === 'partial' ? '' : 'error'}`}
              role="status"
              data-testid="field-sim-read"
              data-outcome=${this.simRead.outcome}
            >
              ${f(F.simRead[this.simRead.outcome], {
                answered: this.simRead.answered,
                asked: this.simRead.asked,
                s: this.socket,
              })}
            </p>`
          : nothing
      }
      ${this.renderProblems()} ${this.baseline ? this.renderAnswers(this.baseline) : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-remote-field-read': DtuRemoteFieldRead;
  }
}
