/** Styles of the simulator panel's own layout (the view), apart from the shared card and form styles. */
import { css } from 'lit';

export const panelStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
  }
  .strip {
    display: flex;
    flex-wrap: wrap;
    gap: 12px 24px;
    align-items: center;
    justify-content: space-between;
  }
  .leds {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    background: #1b2430;
    color: #e6edf3;
    border-radius: var(--dtu-radius);
    padding: 10px 8px 6px;
    --dtu-muted: #c8d6e8;
  }
  :host([projector]) .leds dtu-led {
    zoom: 1.35;
  }
  :host([projector]) dtu-sim-stress {
    zoom: 1.3;
  }
  .cable[data-unplugged='true'] {
    color: var(--dtu-error);
    font-weight: 700;
  }
  .servers {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
  }
  .server {
    margin: 0;
  }
  .server dtu-byte-log {
    --log-height: 140px;
    margin: 8px 0;
  }
  .address {
    font-family: var(--dtu-mono);
    font-weight: 700;
  }
  .send {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: flex-end;
    margin-top: 8px;
  }
  .send label.grow {
    flex: 1 1 180px;
  }
  .send input[type='text'] {
    width: 100%;
    font-family: var(--dtu-mono);
  }
  .link-state {
    font-weight: 600;
  }
  .link-state[data-state='connected'] {
    color: var(--dtu-ok);
  }
  .link-state[data-state='waiting'],
  .link-state[data-state='no-network'] {
    color: var(--dtu-error);
  }
  .sms {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
    max-height: 260px;
    overflow: auto;
  }
  .sms li {
    border-radius: 10px;
    padding: 6px 10px;
    margin: 4px 0;
    max-width: 90%;
    word-break: break-word;
    color: #000;
  }
  .sms .in {
    background: #e3ecf7;
    margin-left: auto;
  }
  .sms .out {
    background: #e3f4e8;
  }
  .http {
    font-family: var(--dtu-mono);
    font-size: 0.85em;
    max-height: 180px;
    overflow: auto;
    margin: 0;
    padding-left: 18px;
  }
  input[type='range'] {
    width: 100%;
  }
  .variants {
    display: grid;
    gap: 8px 16px;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr));
  }
  label.inline.variant {
    align-items: flex-start;
  }
  .variant input {
    margin-top: 2px;
    flex: none;
  }
  .variant code {
    word-break: keep-all;
    white-space: nowrap;
  }
  .variant .source {
    display: block;
  }
  .world dtu-world-log {
    --log-height: 360px;
    margin: 8px 0;
  }
  :host([projector]) .world dtu-world-log {
    --log-height: 440px;
  }
`;
