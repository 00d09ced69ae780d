import { css } from 'lit';

export default css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--dtu-bg);
  }
  .skip {
    position: absolute;
    left: 8px;
    top: -48px;
    background: var(--dtu-accent);
    color: #fff;
    padding: 8px 12px;
    border-radius: var(--dtu-radius);
    z-index: 10;
  }
  .skip:focus {
    top: 8px;
  }
  header {
    background: #0b2545;
    color: #fff;
  }
  .top {
    max-width: 1200px;
    margin: 0 auto;
    padding: 12px 16px 8px;
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    justify-content: space-between;
  }
  h1 {
    font-size: 1.25rem;
    margin: 0;
    line-height: 1.2;
  }
  .subtitle {
    margin: 2px 0 0;
    font-size: 0.85rem;
    color: #c8d6e8;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
  }
  .controls label {
    flex-direction: row;
    align-items: center;
    gap: 6px;
    font-size: 0.9rem;
    color: #fff;
  }
  .controls select {
    color: var(--dtu-text);
    min-height: 32px;
    padding: 2px 6px;
  }
  nav {
    max-width: 1200px;
    margin: 0 auto;
    padding: 0 8px;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    gap: 2px;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 10px 14px;
    color: #dce6f2;
    text-decoration: none;
    white-space: nowrap;
    border-bottom: 3px solid transparent;
    min-height: 44px;
  }
  nav a:hover {
    color: #fff;
  }
  nav a[aria-current='page'] {
    color: #fff;
    border-bottom-color: #f2a900;
    font-weight: 600;
  }
  nav a:focus-visible {
    outline: 3px solid #f2a900;
    outline-offset: -3px;
  }
  .count {
    background: #f2a900;
    color: #1b2430;
    border-radius: 999px;
    font-size: 0.75rem;
    padding: 0 7px;
    font-weight: 700;
  }
  .statusbar {
    background: var(--dtu-surface);
    border-bottom: 1px solid var(--dtu-border);
  }
  .statusbar .inner {
    max-width: 1200px;
    margin: 0 auto;
    padding: 6px 16px;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
  }
  .statusbar button {
    min-height: 30px;
    padding: 2px 12px;
  }
  main {
    max-width: 1200px;
    margin: 0 auto;
    padding: 16px;
  }
  main:focus {
    outline: none;
  }
  /* Projector mode (sim-panel/projector.ts): the bar and navigation readable from the back of a room. */
  :host([projector]) header {
    background: #000000;
  }
  :host([projector]) h1 {
    font-size: 1.6rem;
  }
  :host([projector]) .subtitle,
  :host([projector]) .controls label {
    font-size: 1.15rem;
    color: #ffffff;
  }
  :host([projector]) .controls select,
  :host([projector]) .statusbar,
  :host([projector]) .statusbar button {
    font-size: 1.2rem;
    min-height: 44px;
  }
  :host([projector]) nav ul {
    flex-wrap: wrap;
    overflow-x: visible;
  }
  :host([projector]) nav a {
    font-size: 1.3rem;
    color: #ffffff;
    padding: 8px 12px;
    min-height: 52px;
    border-bottom-width: 5px;
  }
  :host([projector]) nav a[aria-current='page'] {
    border-bottom-color: #ffd400;
    font-weight: 700;
  }
  :host([projector]) .count {
    font-size: 1rem;
  }
  /* The pill and the notice size their type in rem (which would not follow): scaled as a whole. */
  :host([projector]) dtu-status-pill,
  :host([projector]) dtu-restart-notice {
    zoom: 1.4;
  }
  @media (max-width: 520px) {
    .top {
      padding: 10px 12px 6px;
    }
    h1 {
      font-size: 1.1rem;
    }
    .subtitle {
      display: none;
    }
    main {
      padding: 12px 10px;
    }
    nav ul {
      flex-wrap: wrap;
      overflow-x: visible;
    }
    nav a {
      padding: 8px 9px;
      min-height: 40px;
    }
  }
`;
