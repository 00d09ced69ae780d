import { css } from 'lit';

export default css`
  :host {
    display: block;
  }
  fieldset {
    margin: 0;
    background: var(--dtu-surface);
    height: 100%;
  }
  fieldset.changed {
    border-color: #b7791f;
    background: var(--dtu-changed-bg);
  }
  fieldset.invalid {
    border-color: var(--dtu-error);
  }
  .prov {
    margin: 6px 0 0;
    font-size: 0.8rem;
    color: var(--dtu-muted);
  }
  .prov.warn {
    display: inline-block;
    padding: 1px 6px;
    border-radius: 4px;
    color: var(--dtu-warn);
    background: var(--dtu-warn-bg);
  }
  legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: baseline;
  }
  legend code {
    font-weight: 400;
  }
  .help {
    font-size: 0.88rem;
    color: var(--dtu-muted);
    margin: 0 0 8px;
  }
  .params {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 12px;
    align-items: flex-start;
  }
  .param {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
    flex: 1 1 140px;
  }
  .param.wide {
    flex: 2 1 220px;
  }
  .param label {
    font-size: 0.88rem;
    font-weight: 600;
  }
  .param input,
  .param select {
    width: 100%;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .unit {
    color: var(--dtu-muted);
    font-size: 0.85rem;
  }
  /* The second view of a value sits under the first: no row-sized flex basis in the column. */
  .param .param.alt {
    flex: 0 0 auto;
  }
  .alt label {
    font-weight: 400;
    color: var(--dtu-muted);
  }
  .secret {
    display: flex;
    gap: 6px;
  }
  .secret input {
    flex: 1;
    min-width: 0;
  }
  .secret button {
    min-height: 36px;
    padding: 4px 10px;
  }
  .msg {
    font-size: 0.85rem;
    color: var(--dtu-error);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    align-items: center;
    margin-top: 8px;
    font-size: 0.82rem;
    color: var(--dtu-muted);
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0 8px;
    font-size: 0.78rem;
    background: #7a4b00;
    color: #fff;
    font-weight: 600;
  }
  .meta button {
    min-height: 28px;
    padding: 2px 10px;
    font-size: 0.82rem;
  }
  .input-mono {
    font-family: var(--dtu-mono);
  }
`;
