import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { realClock } from '../../clock/clock';
import { factoryDefaults } from '../../protocol/catalogue';
import type { Text } from '../../protocol/types';
import { MAX_BUNDLE_CHARS } from '../../profile/bundle/format';
import { bundleTooLarge } from '../../profile/bundle/read';
import type { Profile } from '../../profile/profile';
import { bundleBaseline, notHeld, type BundleBaseline } from '../../profile/remote/bundle-baseline';
import type { RemoteSocket } from '../../profile/remote/path-warnings';
import { canSend, planRemote, type RemotePlan } from '../../profile/remote/remote-plan';
import { SOCKET_IDS } from '../../simulator/core/control';
import { simulatorContext } from '../context';
import { LanguageController } from '../controllers/language-controller';
import { StoreController } from '../controllers/store-controller';
import { formatTime } from '../logic/profile-format';
import { base, tokens } from '../styles/shared';
import './field-read';
import type { FieldBaseline, FieldBaselineEvent } from './field-read';
import { FIELD as F } from './field-strings';
import { shownPayload, shownValue } from './payload-text';
import { copyPayload, payloadTable, payloadTableStyles, type PayloadRow } from './payload-table';
import { sendByNetwork, sendBySms, type SendReport } from './sim-send';
import { REMOTE as R } from './strings';

/** What "What to send" compares the profile with (docs/remote.md). */
type Scope = 'all' | 'device' | 'field' | 'bundle';

/** The bundle reader's message for a file too large to be a bundle. */
function tooLarge(size: number): Text {
  const r = bundleTooLarge(size);
  return r.ok ? { en: '', zh: '' } : r.error.message;
}

/** A table of payloads for one channel (renderPayloads). */
interface PayloadTable {
  readonly channel: 'sms' | 'network';
  readonly heading: Text;
  readonly how: Text;
  readonly testid: string;
  readonly rowTestid: string;
  /** Each with its size cell. */
  readonly rows: readonly (PayloadRow & { readonly length: TemplateResult })[];
}

/**
 * "Send to a module in the field" (docs/remote.md): a profile as SMS-AT texts and network-AT lines with
 * their checks (one SMS each, UARTFL), the warnings for settings that cut the way back, masked passwords
 * (shown or copied only on request), and — on the built-in simulator — sending them through the virtual
 * phone or a virtual server with each answer and the read-back after AT+Z. The plan is pure logic
 * (profile/remote/); the send runs over the simulator's control API (sim-send.ts).
 */
@customElement('dtu-remote-reconfig')
export class DtuRemoteReconfig extends LitElement {
  static override styles = [
    tokens,
    base,
    payloadTableStyles,
    css`
      :host {
        display: block;
        margin: 0 0 16px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        font-size: 1.1rem;
      }
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: 8px 16px;
        margin: 12px 0;
      }
      .warn-list li {
        margin: 0 0 6px;
      }
      .tag {
        display: inline-block;
        margin-right: 6px;
        padding: 0 6px;
        border-radius: 10px;
        border: 1px solid currentColor;
        font-size: 0.8rem;
        font-weight: 600;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin: 8px 0;
      }
    `,
  ];

  /** The saved profiles, with passwords when they are unlocked. */
  @property({ attribute: false }) profiles: readonly Profile[] = [];

  @state() private selected = 0;
  /**
   * What "What to send" compares the profile with: nothing (every setting), the module last read in this
   * app, the field module's answers (field-read.ts) or a support bundle's configuration.
   */
  @state() private scope: Scope = 'all';
  /** The field module's answers, in memory only (they can hold passwords). */
  @state() private field: FieldBaseline | undefined;
  /** A support bundle's configuration, in memory only (an opted-in bundle holds passwords). */
  @state() private bundle: BundleBaseline | undefined;
  @state() private bundleError = '';
  @state() private password = factoryDefaults()['CMDPW'] ?? 'usr.cn';
  @state() private uartfl = Number(factoryDefaults()['UARTFL'] ?? '1024');
  @state() private socket: RemoteSocket = 'A';
  @state() private reveal = false;
  /** The person confirmed the warnings that cut a channel (asked again for another profile). */
  @state() private understood = false;
  @state() private copied = '';
  @state() private running = false;
  /** The field read is querying the simulator: sending waits (the answers would mix). */
  @state() private reading = false;
  @state() private report: SendReport | undefined;
  @state() private failure = '';

  private readonly i18n = new LanguageController(this);
  private readonly store = new StoreController(this);
  private readonly simulator = new ContextConsumer(this, { context: simulatorContext, subscribe: true });

  private get profile(): Profile | undefined {
    return this.profiles[this.selected] ?? this.profiles[0];
  }

  private get device(): Readonly<Record<string, string>> | undefined {
    return this.store.available ? this.store.value.device : undefined;
  }

  /** The scope in force: a baseline that is not there (nothing read) falls back to every setting. */
  private get baseline(): Scope {
    if (this.scope === 'device' && this.device) return 'device';
    if (this.scope === 'field' && this.field) return 'field';
    if (this.scope === 'bundle' && this.bundle) return 'bundle';
    return 'all';
  }

  private get current(): Readonly<Record<string, string>> | undefined {
    const scope = this.baseline;
    if (scope === 'device') return this.device;
    if (scope === 'field') return this.field?.values;
    if (scope === 'bundle') return this.bundle?.values;
    return undefined;
  }

  private async openBundle(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.bundle = undefined;
    this.bundleError = '';
    const read =
      file.size > MAX_BUNDLE_CHARS * 4
        ? { ok: false as const, error: tooLarge(file.size) }
        : bundleBaseline(await file.text());
    if (read.ok) this.bundle = read.baseline;
    else this.bundleError = this.i18n.f(F.bundleError, { message: this.i18n.t(read.error) });
  }

  private plan(profile: Profile): RemotePlan {
    const current = this.current;
    return planRemote(profile.values, {
      password: this.password,
      uartfl: this.uartfl,
      socket: this.socket,
      ...(current ? { current } : {}),
    });
  }

  private async copy(text: string, what: string): Promise<void> {
    this.copied = await copyPayload(text, what, this.i18n.f.bind(this.i18n));
  }

  private async send(plan: RemotePlan, channel: 'sms' | 'network'): Promise<void> {
    const service = this.simulator.value;
    if (!service || this.running) return;
    this.running = true;
    this.failure = '';
    this.report = undefined;
    try {
      const sim = await service.get();
      const deps = { sim, clock: realClock, onUpdate: (r: SendReport) => (this.report = r) };
      this.report =
        channel === 'sms' ? await sendBySms(plan, deps) : await sendByNetwork(plan, this.socket, deps);
    } catch (e) {
      this.failure = this.i18n.f(R.failed, { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.running = false;
    }
  }

  private renderInputs(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="fields">
      <label
        >${t(R.profile)}
        <select
          data-testid="remote-profile"
          ?disabled=${this.running}
          @change=${(e: Event) => {
            this.selected = (e.target as HTMLSelectElement).selectedIndex;
            this.report = undefined;
            this.reveal = false;
            this.understood = false;
            // Answers were read for this profile's settings; another profile asks for others.
            this.field = undefined;
          }}
        >
          ${this.profiles.map(
            (p, i) => html`<option value=${String(i)} ?selected=${i === this.selected}>${p.name}</option>`,
          )}
        </select>
      </label>
      <label
        >${t(R.password)}
        <input
          type="password"
          autocomplete="off"
          data-testid="remote-password"
          aria-describedby="pw-hint"
          .value=${this.password}
          @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
        />
        <span id="pw-hint" class="muted small">${t(R.passwordHint)}</span>
      </label>
      <label
        >${t(R.uartfl)}
        <input
          type="number"
          min="1"
          max="1024"
          data-testid="remote-uartfl"
          .value=${String(this.uartfl)}
          @input=${(e: Event) => (this.uartfl = Number((e.target as HTMLInputElement).value))}
        />
      </label>
      <label
        >${t(R.socket)}
        <select
          data-testid="remote-socket"
          @change=${(e: Event) => (this.socket = (e.target as HTMLSelectElement).value as RemoteSocket)}
        >
          ${SOCKET_IDS.map((s) => html`<option value=${s} ?selected=${s === this.socket}>${s}</option>`)}
        </select>
      </label>
    </div>`;
  }

  /** "What to send": the baseline of the comparison, and which one is in force, read when. */
  private renderScope(profile: Profile): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const lang = this.i18n.lang;
    const device = this.device;
    const scope = this.baseline;
    const radio = (value: Scope, label: string, testid: string, enabled: boolean) =>
      html`<label class="inline"
        ><input
          type="radio"
          name="scope"
          data-testid=${testid}
          ?disabled=${!enabled}
          .checked=${scope === value}
          @change=${() => (this.scope = value)}
        />${label}</label
      >`;
    const lastRead = device && this.store.available ? this.store.value.model.summary().lastReadAt : undefined;
    const field = this.field;
    const bundle = this.bundle;
    const note =
      scope === 'device'
        ? lastRead === undefined
          ? t(F.baseline.deviceNoTime)
          : f(F.baseline.device, { time: formatTime(lastRead, lang) })
        : scope === 'field' && field
          ? f(F.baseline.field, { source: t(F.source[field.source]), time: formatTime(field.at, lang) })
          : scope === 'bundle' && bundle
            ? f(F.baseline.bundle, {
                module: bundle.identity ? `IMEI ${bundle.identity.imei}` : '—',
                time: bundle.madeAt === undefined ? bundle.createdAt : formatTime(bundle.madeAt, lang),
              })
            : t(F.baseline.all);
    const missing = scope === 'bundle' && bundle ? notHeld(bundle.values, profile.values) : [];
    return html`<fieldset>
      <legend>${t(R.scope)}</legend>
      ${radio('all', t(R.scopeAll), 'remote-scope-all', true)}
      ${radio('device', t(R.scopeDiff), 'remote-only-diff', !!device)}
      ${radio('field', t(F.scopeField), 'remote-only-field-diff', !!field)}
      ${field ? nothing : html`<p class="muted small">${t(F.scopeFieldHint)}</p>`}
      ${radio('bundle', t(F.scopeBundle), 'remote-only-bundle-diff', !!bundle)}
      <label class="small"
        >${t(F.bundleFile)}
        <input
          type="file"
          data-testid="remote-bundle-file"
          accept=".json,application/json"
          aria-describedby="bundle-hint"
          @change=${(e: Event) => void this.openBundle(e)}
        />
      </label>
      <p id="bundle-hint" class="muted small">${t(F.bundleHint)}</p>
      ${this.bundleError ? html`<p class="notice error" role="alert" data-testid="remote-bundle-error">${this.bundleError}</p>` : nothing}
      <p class="small" role="status" data-testid="remote-baseline" data-baseline=${scope}>${note}</p>
      ${
        missing.length > 0
          ? html`<p class="notice small" data-testid="remote-bundle-missing">
              ${f(F.bundleMissing, { names: missing.map((n) => `AT+${n}`).join(', ') })}
            </p>`
          : nothing
      }
    </fieldset>`;
  }

  private renderProblems(plan: RemotePlan): TemplateResult | typeof nothing {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const items = [
      ...plan.optionProblems.map((p) => t(p)),
      ...plan.invalid.map((i) => f(R.invalid, { name: i.name, message: t(i.error.message) })),
      ...plan.unknown.map((name) => f(R.unknown, { name })),
    ];
    if (items.length === 0) return nothing;
    return html`<div class="notice error" role="alert" data-testid="remote-problems">
      <p>${t(R.problems)}</p>
      <ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>
    </div>`;
  }

  private renderWarnings(plan: RemotePlan): TemplateResult | typeof nothing {
    const t = this.i18n.t.bind(this.i18n);
    if (plan.warnings.length === 0) return nothing;
    return html`<div class="notice" data-testid="remote-warnings">
      <p><strong>${t(R.warnings)}</strong></p>
      <ul class="warn-list">
        ${plan.warnings.map(
          (w) =>
            html`<li data-setting=${w.setting}>
              ${w.cuts.map((c) => html`<span class="tag">${t(R.cuts[c])}</span>`)}${t(w.message)}
            </li>`,
        )}
      </ul>
      ${
        plan.warnings.some((w) => w.cuts.length > 0)
          ? html`<label class="inline"
              ><input
                type="checkbox"
                data-testid="remote-understood"
                .checked=${this.understood}
                @change=${(e: Event) => (this.understood = (e.target as HTMLInputElement).checked)}
              />${t(R.understood)}</label
            >`
          : nothing
      }
    </div>`;
  }

  /** Sending waits for the confirmation when a warning cuts a channel. */
  private confirmed(plan: RemotePlan): boolean {
    return this.understood || plan.warnings.every((w) => w.cuts.length === 0);
  }

  private resultCell(i: number): TemplateResult | typeof nothing {
    const r = this.report?.payloads[i];
    if (!r) return nothing;
    const text = this.i18n.f(R.payloadState[r.state], { answer: r.answer ?? '' });
    return html`<td data-testid="payload-result" data-state=${r.state}>${text}</td>`;
  }

  private renderSms(plan: RemotePlan): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    return this.renderPayloads({
      channel: 'sms',
      heading: R.smsHeading,
      how: R.smsHow,
      testid: 'remote-sms',
      rowTestid: 'sms-row',
      rows: plan.sms.map((p) => ({
        name: f(R.smsNumber, { n: p.number }),
        shown: shownPayload(plan.prefix, p.command, this.reveal),
        length: html`<td data-testid="sms-length">
          ${f(R.smsLength, {
            units: p.length.units,
            single: p.length.single,
            encoding: t(R.encoding[p.length.encoding]),
          })}
        </td>`,
        problem: p.problem,
        copied: p.text,
      })),
    });
  }

  private renderNetwork(plan: RemotePlan): TemplateResult {
    const f = this.i18n.f.bind(this.i18n);
    return this.renderPayloads({
      channel: 'network',
      heading: R.networkHeading,
      how: R.networkHow,
      testid: 'remote-network',
      rowTestid: 'network-row',
      rows: plan.network.map((p) => ({
        name: f(R.lineNumber, { n: p.number }),
        shown: shownPayload(plan.prefix, p.command, this.reveal, true),
        length: html`<td>${f(R.lineBytes, { bytes: p.bytes, uartfl: this.uartfl })}</td>`,
        problem: p.problem,
        copied: p.line,
      })),
    });
  }

  /** One table of payloads (SMS texts or network-AT lines): each with its size, its check and a copy button. */
  private renderPayloads(table: PayloadTable): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const showResults = this.report?.channel === table.channel;
    return html`<h4>${t(table.heading)}</h4>
      <p class="muted small">${t(table.how)}</p>
      ${payloadTable(t, table.rows, {
        testid: table.testid,
        rowTestid: table.rowTestid,
        extraHeads: {
          beforeCheck: html`<th scope="col">${t(R.colLength)}</th>`,
          ...(showResults ? { afterCheck: html`<th scope="col">${t(R.colResult)}</th>` } : {}),
        },
        extraCells: (i) => ({
          beforeCheck: table.rows[i]?.length ?? html`<td></td>`,
          ...(showResults ? { afterCheck: html`${this.resultCell(i)}` } : {}),
        }),
        onCopy: (row) => void this.copy(row.copied, row.name),
      })}`;
  }

  private renderSimulator(plan: RemotePlan): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const report = this.report;
    return html`<h4>${t(R.simHeading)}</h4>
      <p class="muted small">${t(R.simIntro)}</p>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          data-testid="remote-send-sms"
          ?disabled=${this.running || this.reading || !this.simulator.value || !this.confirmed(plan) || !canSend(plan, 'sms')}
          @click=${() => void this.send(plan, 'sms')}
        >
          ${t(this.running ? R.stop : R.sendSms)}
        </button>
        <button
          type="button"
          data-testid="remote-send-network"
          ?disabled=${
            this.running ||
            this.reading ||
            !this.simulator.value ||
            !this.confirmed(plan) ||
            !canSend(plan, 'network')
          }
          @click=${() => void this.send(plan, 'network')}
        >
          ${this.running ? t(R.stop) : f(R.sendNetwork, { s: this.socket })}
        </button>
      </div>
      ${this.failure ? html`<p class="notice error" role="alert">${this.failure}</p>` : nothing}
      ${
        report?.outcome
          ? html`<p
              class="notice ${report.outcome === 'verified' ? 'ok' : 'error'}"
              role="status"
              data-testid="remote-outcome"
              data-outcome=${report.outcome}
            >
              ${f(R.outcome[report.outcome], { s: this.socket })}
            </p>`
          : nothing
      }
      ${report && report.readBack.length > 0 ? this.renderReadBack(report) : nothing}`;
  }

  private renderReadBack(report: SendReport): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const shown = (name: string, value: string | undefined): string => shownValue(name, value, this.reveal);
    return html`<h4>${t(R.readBackHeading)}</h4>
      <div class="table-wrap">
        <table data-testid="remote-readback">
          <thead>
            <tr>
              <th scope="col">${t(R.colSetting)}</th>
              <th scope="col">${t(R.colExpected)}</th>
              <th scope="col">${t(R.colRead)}</th>
              <th scope="col">${t(R.colResult)}</th>
            </tr>
          </thead>
          <tbody>
            ${report.readBack.map(
              (r) =>
                html`<tr data-testid="readback-row" data-setting=${r.name} data-state=${r.state}>
                  <td>AT+${r.name}</td>
                  <td class="payload">${shown(r.name, r.expected)}</td>
                  <td class="payload">${shown(r.name, r.value)}</td>
                  <td class=${r.state === 'same' ? 'ok' : r.state === 'pending' ? '' : 'error'}>
                    ${t(R.readBackState[r.state])}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderBody(profile: Profile): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const plan = this.plan(profile);
    const empty = plan.sms.length === 0 && plan.invalid.length === 0 && plan.optionProblems.length === 0;
    return html`${this.renderInputs()}
      <dtu-remote-field-read
        .target=${profile.values}
        .password=${this.password}
        .uartfl=${this.uartfl}
        .socket=${this.socket}
        ?reveal=${this.reveal}
        .baseline=${this.field}
        ?busy=${this.running}
        @field-baseline=${(e: FieldBaselineEvent) => (this.field = e.detail)}
        @field-reading=${(e: CustomEvent<boolean>) => (this.reading = e.detail)}
      ></dtu-remote-field-read>
      ${this.renderScope(profile)} ${this.renderProblems(plan)}
      ${empty ? html`<p class="muted" data-testid="remote-nothing">${t(R.nothing)}</p>` : nothing}
      ${this.renderWarnings(plan)}
      ${
        plan.sms.length > 0
          ? html`<label class="inline"
                ><input
                  type="checkbox"
                  data-testid="remote-reveal"
                  aria-describedby="reveal-hint"
                  .checked=${this.reveal}
                  @change=${(e: Event) => (this.reveal = (e.target as HTMLInputElement).checked)}
                />${t(R.reveal)}</label
              >
              <p id="reveal-hint" class="muted small">${t(R.revealHint)}</p>
              ${this.copied ? html`<p class="notice" role="status" data-testid="remote-copied">${this.copied}</p>` : nothing}
              ${this.renderSms(plan)} ${this.renderNetwork(plan)} ${this.renderSimulator(plan)}`
          : nothing
      }`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const profile = this.profile;
    return html`<details class="card" data-testid="remote-reconfig">
      <summary>${t(R.heading)}</summary>
      <p class="muted small">${t(R.intro)}</p>
      ${profile ? this.renderBody(profile) : html`<p class="muted">${t(R.noProfiles)}</p>`}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-remote-reconfig': DtuRemoteReconfig;
  }
}
