import { css } from 'lit';

export default css`
  .names {
    display: grid;
    gap: 12px;
    margin-bottom: 12px;
  }
  .names label {
    display: flex;
  }
  textarea {
    min-height: 5em;
    resize: vertical;
    width: 100%;
  }
  input[type='text'] {
    width: 100%;
  }
  details {
    border: 1px solid var(--dtu-border);
    border-radius: var(--dtu-radius);
    margin: 0 0 8px;
    background: var(--dtu-surface);
  }
  summary {
    cursor: pointer;
    padding: 8px 12px;
    font-weight: 600;
    min-height: 36px;
  }
  .section-body {
    padding: 0 12px 12px;
    display: grid;
    gap: 8px;
  }
  .setting > label.inline {
    padding: 4px 0;
  }
  .setting code {
    font-weight: normal;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin: 8px 0 12px;
  }
  .problems ul {
    margin: 4px 0 0;
    padding-left: 20px;
  }
`;
