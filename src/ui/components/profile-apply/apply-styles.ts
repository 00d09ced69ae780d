import { css } from 'lit';

/** Tables of the apply and compare components: scroll sideways if needed, stack as cards at 360 px. */
export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  td code {
    white-space: pre-wrap;
  }
  pre {
    background: #10161f;
    color: #e6edf3;
    border-radius: var(--dtu-radius);
    padding: 10px 12px;
    overflow-x: auto;
    font-family: var(--dtu-mono);
    font-size: 0.88rem;
    margin: 0 0 12px;
    white-space: pre-wrap;
    word-break: break-all;
  }
  .outcome {
    font-weight: 600;
    white-space: nowrap;
  }
  .outcome.applied {
    color: var(--dtu-ok);
  }
  .outcome.unchanged {
    color: var(--dtu-muted);
  }
  .outcome.rejected,
  .outcome.not-reached {
    color: var(--dtu-error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 12px 0 0;
  }
  @media (max-width: 640px) {
    thead {
      display: none;
    }
    tr {
      display: block;
      border-bottom: 1px solid var(--dtu-border);
      padding: 6px 0;
    }
    td,
    th[scope='row'] {
      display: block;
      border: none;
      padding: 2px 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      color: var(--dtu-muted);
      font-size: 0.85rem;
    }
  }
`;
