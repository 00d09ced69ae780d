import { css } from 'lit';

/** Tables of settings: scroll sideways if needed, stack as cards at 360 px. */
export const tableStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  td code {
    white-space: pre-wrap;
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

/** The AT commands an apply sends, as a dark terminal block. */
export const commandListStyles = css`
  pre {
    background: #10161f;
    color: #e6edf3;
    border-radius: var(--dtu-radius);
    padding: 10px 12px;
    overflow-x: auto;
    font-family: var(--dtu-mono);
    font-size: 0.88rem;
    margin: 0 0 12px;
  }
`;

/** A row of buttons under a table. */
export const actionRowStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin: 12px 0 0;
  }
`;

/** The Save/Review bar that stays at the bottom of a long editor (settings view, profile editor). */
export const stickyBarStyles = css`
  .sticky {
    position: sticky;
    bottom: 0;
    background: var(--dtu-bg);
    padding: 8px 0;
    border-top: 1px solid var(--dtu-border);
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    z-index: 1;
  }
`;
