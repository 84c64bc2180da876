import { css, html, nothing, type TemplateResult } from 'lit';

/** What an error panel says, and the one thing the customer can do about it. */
export interface ErrorStateOptions {
  title: string;
  message: string;
  /** Label of the retry button; no button when absent (configuration errors can't be retried). */
  retryLabel?: string;
  onRetry?: () => void;
}

/**
 * An error panel with a plain explanation and, when retrying can help, a "Try again" button.
 * `role="alert"` so the failure is announced when it replaces a loading state.
 */
export function errorState(options: ErrorStateOptions): TemplateResult {
  return html`<div class="error-state" role="alert" part="error">
    <svg class="error-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.75" />
      <path d="M12 7v6" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      <circle cx="12" cy="16.5" r="1.15" fill="currentColor" />
    </svg>
    <p class="error-title">${options.title}</p>
    <p class="error-message">${options.message}</p>
    ${options.retryLabel && options.onRetry
      ? html`<button type="button" class="button secondary" part="retry-button" @click=${options.onRetry}>${options.retryLabel}</button>`
      : nothing}
  </div>`;
}

/** Styles for {@link errorState}; pair with `buttonStyles`. */
export const errorStateStyles = css`
  .error-state {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    max-width: 32rem;
    margin: 0 auto;
    padding: calc(var(--_space) * 2.5) calc(var(--_space) * 1.5);
    text-align: center;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .error-icon {
    width: 2rem;
    height: 2rem;
    color: var(--_danger);
  }
  .error-title {
    margin: 0;
    font-weight: 600;
    font-size: 1.0625rem;
  }
  .error-message {
    margin: 0 0 calc(var(--_space) * 0.5);
    color: var(--_text-muted);
  }
`;
