/**
 * Styles shared by views and components: colour tokens (set on :root by the shell, inherited through
 * shadow roots), form controls, buttons, cards, focus ring. Contrast of every text colour on its background
 * is at least 4.5:1 (WCAG AA), checked by the axe run in tests/e2e.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --dtu-bg: #f4f6f9;
    --dtu-surface: #ffffff;
    --dtu-text: #1b2430;
    --dtu-muted: #4a5566;
    --dtu-border: #c9d1dc;
    --dtu-accent: #0b5cad;
    --dtu-accent-text: #ffffff;
    --dtu-ok: #1d6b35;
    --dtu-ok-bg: #e3f4e8;
    --dtu-warn: #7a4b00;
    --dtu-warn-bg: #fff3d6;
    --dtu-error: #a4161a;
    --dtu-error-bg: #fde7e8;
    --dtu-changed-bg: #fff8e1;
    --dtu-code-bg: #eef1f5;
    --dtu-radius: 6px;
    --dtu-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
  }
`;

export const base = css`
  :host {
    display: block;
    color: var(--dtu-text);
    font-size: 15px;
    line-height: 1.45;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 8px;
  }
  h3 {
    font-size: 1.05rem;
    margin: 0 0 8px;
  }
  p {
    margin: 0 0 8px;
  }
  a {
    color: var(--dtu-accent);
  }
  .muted {
    color: var(--dtu-muted);
  }
  .small {
    font-size: 0.85rem;
  }
  .card {
    background: var(--dtu-surface);
    border: 1px solid var(--dtu-border);
    border-radius: var(--dtu-radius);
    padding: 16px;
    margin: 0 0 16px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
  }
  .grid {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
  }
  button,
  .button {
    font: inherit;
    min-height: 36px;
    padding: 6px 14px;
    border-radius: var(--dtu-radius);
    border: 1px solid var(--dtu-accent);
    background: var(--dtu-surface);
    color: var(--dtu-accent);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  button.primary,
  .button.primary {
    background: var(--dtu-accent);
    color: var(--dtu-accent-text);
  }
  button.danger {
    border-color: var(--dtu-error);
    color: var(--dtu-error);
  }
  button.danger.primary {
    background: var(--dtu-error);
    color: #fff;
  }
  button.link {
    border: none;
    background: none;
    padding: 2px 4px;
    min-height: 0;
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid #f2a900;
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--dtu-surface);
    border: 1px solid #8592a3;
    border-radius: var(--dtu-radius);
    padding: 6px 8px;
    min-height: 36px;
    max-width: 100%;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--dtu-error);
    background: var(--dtu-error-bg);
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: 0;
    width: 18px;
    height: 18px;
  }
  label {
    display: inline-flex;
    flex-direction: column;
    gap: 4px;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 8px;
  }
  fieldset {
    border: 1px solid var(--dtu-border);
    border-radius: var(--dtu-radius);
    margin: 0 0 12px;
    padding: 8px 12px 12px;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  code,
  .mono {
    font-family: var(--dtu-mono);
    font-size: 0.9em;
  }
  code {
    background: var(--dtu-code-bg);
    padding: 1px 4px;
    border-radius: 4px;
    word-break: break-all;
  }
  .error {
    color: var(--dtu-error);
  }
  .ok {
    color: var(--dtu-ok);
  }
  .notice {
    border-radius: var(--dtu-radius);
    padding: 8px 12px;
    margin: 0 0 12px;
    background: var(--dtu-warn-bg);
    color: var(--dtu-warn);
  }
  .notice.ok {
    background: var(--dtu-ok-bg);
    color: var(--dtu-ok);
  }
  .notice.error {
    background: var(--dtu-error-bg);
    color: var(--dtu-error);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 6px 8px;
    border-bottom: 1px solid var(--dtu-border);
    vertical-align: top;
  }
`;
