import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 24px 64px -12px rgb(15 23 42 / 0.35);
  }
  dialog[open] {
    animation: abona-dialog-in 180ms cubic-bezier(0.2, 0, 0, 1);
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.45);
    backdrop-filter: blur(2px);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    padding: var(--_space) calc(var(--_space) * 1.25) 0;
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
    font-weight: 650;
  }
  .close {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_surface-muted);
    color: var(--_text);
  }
  .close svg {
    width: 1rem;
    height: 1rem;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linecap: round;
  }
  .body {
    padding: var(--_space) calc(var(--_space) * 1.25) calc(var(--_space) * 1.25);
  }
  @keyframes abona-dialog-in {
    from {
      opacity: 0;
      transform: translateY(8px) scale(0.98);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog[open] {
      animation: none;
    }
  }
`;
