import { css } from 'lit';

/** Layout shared by the views: a heading row with actions, then cards. */
export const viewStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 12px;
  }
  .head h2 {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 12px;
    margin: 0;
  }
  dt {
    color: var(--dtu-muted);
  }
  /* Long codes (SN 20 digits, ICCID 20, IMEI 15) read best on a line of their own, never broken. */
  dl.stacked {
    grid-template-columns: 1fr;
    gap: 0;
  }
  dl.stacked dd {
    margin: 0 0 8px;
    white-space: nowrap;
  }
  dd {
    margin: 0;
    font-family: var(--dtu-mono);
    word-break: break-all;
  }
  @media (max-width: 420px) {
    dl {
      grid-template-columns: 1fr;
      gap: 2px;
    }
    dd {
      margin-bottom: 6px;
    }
  }
`;
