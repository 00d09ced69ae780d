import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

type Lang = 'en' | 'zh-CN';

const TEXT = {
  en: {
    title: 'USR-LTE-7S4 Configurator',
    subtitle: 'Configure the 4G DTU over USB serial, or try everything on the built-in simulator.',
    device: 'Device',
    simulator: 'Simulator (no hardware needed)',
    language: 'Language',
  },
  'zh-CN': {
    title: 'USR-LTE-7S4 配置工具',
    subtitle: '通过 USB 串口配置 4G DTU，或在内置模拟器上体验全部功能。',
    device: '设备',
    simulator: '模拟器（无需硬件）',
    language: '语言',
  },
} as const;

function browserLang(): Lang {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The root element: it will provide the shared services (session, store, simulator) to the views. */
@customElement('dtu-app')
export class DtuApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 1100px;
      margin: 0 auto;
      padding: 16px;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
      justify-content: space-between;
    }
    h1 {
      font-size: 1.4rem;
      margin: 0;
    }
    p {
      margin: 4px 0 16px;
      color: #445;
    }
  `;

  @state() private language: Lang = browserLang();

  override render() {
    const t = TEXT[this.language];
    return html`
      <header>
        <h1>${t.title}</h1>
        <label
          >${t.language}
          <select
            @change=${(e: Event) => {
              this.language = (e.target as HTMLSelectElement).value as Lang;
            }}
          >
            <option value="en" ?selected=${this.language === 'en'}>English</option>
            <option value="zh-CN" ?selected=${this.language === 'zh-CN'}>中文</option>
          </select>
        </label>
      </header>
      <p>${t.subtitle}</p>
      <section aria-label=${t.device}>
        <strong>${t.device}:</strong> <span data-testid="device-kind">${t.simulator}</span>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-app': DtuApp;
  }
}
