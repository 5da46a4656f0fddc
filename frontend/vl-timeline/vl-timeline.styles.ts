import { css } from 'lit';

/** Lumo custom properties only (with fallbacks), so the timeline follows Lumo light and dark. */
export const timelineStyles = css`
  :host {
    /* one tone per target lane, in lane order; red is kept for drops and expiry */
    --vl-tone-0: var(--lumo-primary-color, #1676f3);
    --vl-tone-1: var(--lumo-success-color, #0a7d4f);
    --vl-tone-2: hsl(275, 55%, 55%);
    --vl-tone-3: hsl(190, 75%, 38%);
    --vl-tone-4: hsl(35, 85%, 48%);
    --vl-tone-5: hsl(320, 55%, 50%);
    --vl-timeline-expired: var(--vl-drop, var(--lumo-error-color, #d0271d));
    --vl-timeline-bg: var(--lumo-base-color, #fff);
    display: block;
    position: relative;
    box-sizing: border-box;
    border: 1px solid var(--lumo-contrast-10pct, #e6e6e6);
    border-radius: var(--lumo-border-radius-m, 6px);
    background: var(--vl-timeline-bg);
    color: var(--lumo-body-text-color, #222);
    font-family: var(--lumo-font-family, system-ui, sans-serif);
    outline: none;
    overflow: hidden;
  }
  :host(:focus-visible) {
    box-shadow: 0 0 0 2px var(--lumo-primary-color-50pct, #1676f380);
  }
  :host([hidden]) {
    display: none;
  }
  svg {
    display: block;
    cursor: crosshair;
  }
  text {
    font-size: 11.5px;
    fill: var(--lumo-body-text-color, #222);
  }
  .axis text,
  .heading {
    fill: var(--lumo-secondary-text-color, #666);
    font-size: 10.5px;
    font-variant-numeric: tabular-nums;
  }
  .heading {
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .grid {
    stroke: var(--lumo-contrast-10pct, #e6e6e6);
  }
  .row-line {
    stroke: var(--lumo-contrast-5pct, #f3f3f3);
  }
  .bar rect {
    fill-opacity: 0.85;
  }
  .bar.tone-0 { fill: var(--vl-tone-0); }
  .bar.tone-1 { fill: var(--vl-tone-1); }
  .bar.tone-2 { fill: var(--vl-tone-2); }
  .bar.tone-3 { fill: var(--vl-tone-3); }
  .bar.tone-4 { fill: var(--vl-tone-4); }
  .bar.tone-5 { fill: var(--vl-tone-5); }
  .bar.tone-none { fill: var(--lumo-contrast-50pct, #888); }
  .bar.kind-KEEPALIVE rect {
    fill-opacity: 0.55;
  }
  .bar text {
    fill: var(--lumo-primary-contrast-color, #fff);
    font-size: 10.5px;
    pointer-events: none;
  }
  .end-EXPIRED {
    stroke: var(--vl-timeline-expired);
    stroke-width: 3;
  }
  .end-CLOSED,
  .end-REMOVED {
    stroke: var(--lumo-contrast-70pct, #555);
    stroke-width: 2;
  }
  .mark-line {
    stroke: var(--lumo-primary-color-50pct, #1676f380);
    stroke-dasharray: 4 3;
  }
  .mark {
    fill: var(--lumo-primary-text-color, #1676f3);
    font-size: 10px;
    font-weight: 600;
  }
  .cursor {
    stroke: var(--lumo-primary-color, #1676f3);
    stroke-width: 2;
  }
  .cursor-label {
    fill: var(--lumo-primary-text-color, #1676f3);
    font-weight: 600;
    font-size: 10.5px;
  }
  .halo {
    paint-order: stroke;
    stroke: var(--vl-timeline-bg);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .empty {
    padding: var(--lumo-space-m, 16px);
    color: var(--lumo-secondary-text-color, #666);
  }
`;
