import { css } from 'lit';

export default css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
    min-width: 0;
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    padding: 4px 12px;
    border-radius: 999px;
    background: var(--dtu-code-bg);
    border: 1px solid var(--dtu-border);
    font-size: 0.9rem;
    min-width: 0;
    max-width: 100%;
  }
  .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: #8592a3;
    flex: none;
  }
  .text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  :host([tone='ok']) .dot {
    background: #1f9d4a;
  }
  :host([tone='busy']) .dot {
    background: #f2a900;
    animation: pulse 1s ease-in-out infinite;
  }
  :host([tone='error']) .pill {
    background: var(--dtu-error-bg);
    border-color: var(--dtu-error);
    color: var(--dtu-error);
  }
  :host([tone='error']) .dot {
    background: var(--dtu-error);
  }
  progress {
    width: 80px;
    height: 8px;
  }
  button {
    font: inherit;
    font-size: 0.85rem;
    border: 1px solid currentColor;
    border-radius: 999px;
    background: var(--dtu-surface);
    color: var(--dtu-accent);
    padding: 2px 10px;
    min-height: 28px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid #f2a900;
    outline-offset: 2px;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    :host([tone='busy']) .dot {
      animation: none;
    }
  }
`;
