import { css } from 'lit';

/**
 * Only Lumo custom properties (with plain fallbacks), so the ladder follows the light and dark Lumo themes. The
 * `--sip-ladder-*` properties are the styling API: an application may recolour categories without `::part`.
 */
export const ladderStyles = css`
  :host {
    --sip-ladder-sip: var(--lumo-primary-text-color, #1676f3);
    --sip-ladder-dns: var(--lumo-success-text-color, #0a7d4f);
    --sip-ladder-keepalive: var(--lumo-contrast-50pct, #8a8a8a);
    --sip-ladder-tcp: var(--lumo-contrast-70pct, #555);
    --sip-ladder-icmp: var(--lumo-warning-text-color, #a35f00);
    --sip-ladder-drop: var(--vl-drop, var(--lumo-error-text-color, #d0271d));
    --sip-ladder-rewrite: var(--lumo-warning-color, #e69a00);
    --sip-ladder-note: var(--lumo-contrast-60pct, #666);
    --sip-ladder-bg: var(--lumo-base-color, #fff);
    display: block;
    position: relative;
    height: 28rem;
    overflow: hidden;
    box-sizing: border-box;
    border: 1px solid var(--lumo-contrast-10pct, #e6e6e6);
    border-radius: var(--lumo-border-radius-m, 6px);
    background: var(--sip-ladder-bg);
    color: var(--lumo-body-text-color, #222);
    font-family: var(--lumo-font-family, system-ui, sans-serif);
    outline: none;
  }
  :host(:focus-visible) {
    box-shadow: 0 0 0 2px var(--lumo-primary-color-50pct, #1676f380);
  }
  :host([hidden]) {
    display: none;
  }
  .scroller {
    position: absolute;
    inset: 0;
    overflow: auto;
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--sip-ladder-bg);
    border-bottom: 1px solid var(--lumo-contrast-10pct, #e6e6e6);
  }
  .body {
    position: relative;
  }
  .rows {
    position: absolute;
    left: 0;
  }
  svg {
    display: block;
    overflow: visible;
  }
  text {
    font-size: 11.5px;
    fill: var(--lumo-body-text-color, #222);
  }
  .halo {
    paint-order: stroke;
    stroke: var(--sip-ladder-bg);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .lane-name {
    font-weight: 600;
    font-size: 13px;
  }
  .lane-address,
  .time,
  .detail {
    fill: var(--lumo-secondary-text-color, #666);
    font-variant-numeric: tabular-nums;
  }
  .lane-address {
    font-size: 11px;
  }
  .lane-line {
    stroke: var(--lumo-contrast-20pct, #ccc);
    stroke-width: 1;
  }
  .nat-band {
    fill: var(--lumo-contrast-5pct, #f3f3f3);
  }
  .time {
    font-size: 11px;
  }
  .mark {
    fill: var(--lumo-primary-text-color, #1676f3);
    font-size: 10.5px;
    font-weight: 600;
  }
  .mark-line {
    stroke: var(--lumo-primary-color-50pct, #1676f380);
    stroke-dasharray: 6 3;
  }
  .bg {
    fill: transparent;
  }
  .row {
    cursor: pointer;
  }
  .row:hover .bg {
    fill: var(--lumo-contrast-5pct, #0000000a);
  }
  .row.selected .bg {
    fill: var(--lumo-primary-color-10pct, #1676f31a);
  }
  /* the keyboard cursor shows only while the ladder has focus */
  :host(:focus) .row.focused .bg {
    stroke: var(--lumo-primary-color-50pct, #1676f380);
    stroke-dasharray: 4 3;
  }
  .seg,
  .connector {
    stroke: currentColor;
    stroke-width: 1.6;
    fill: none;
  }
  .connector {
    stroke-width: 1.2;
  }
  .hit {
    stroke: transparent;
    stroke-width: 12;
    pointer-events: stroke;
  }
  .head {
    fill: currentColor;
  }
  .cat-SIP {
    color: var(--sip-ladder-sip);
  }
  .cat-DNS {
    color: var(--sip-ladder-dns);
  }
  .cat-KEEPALIVE {
    color: var(--sip-ladder-keepalive);
  }
  .cat-TCP {
    color: var(--sip-ladder-tcp);
  }
  .cat-ICMP {
    color: var(--sip-ladder-icmp);
  }
  .light .seg {
    stroke-dasharray: 5 4;
    stroke-width: 1.2;
  }
  .light .label {
    font-weight: 500;
    fill: var(--lumo-secondary-text-color, #666);
  }
  .label {
    font-weight: 600;
  }
  .selected .seg {
    stroke-width: 2.4;
  }
  .selected .seg.this-step {
    stroke-width: 3.4;
  }
  .junction {
    fill: var(--sip-ladder-rewrite);
  }
  .rewrite-box {
    fill: var(--sip-ladder-bg);
    stroke: var(--sip-ladder-rewrite);
    stroke-width: 1;
  }
  .rewrite {
    font-family: var(--lumo-font-family-monospace, ui-monospace, monospace);
    font-size: 10.5px;
  }
  .drop line {
    stroke: var(--sip-ladder-drop);
    stroke-width: 2.6;
    stroke-linecap: round;
  }
  .drop circle {
    fill: var(--sip-ladder-bg);
    stroke: var(--sip-ladder-drop);
    stroke-width: 1.5;
  }
  .drop-text {
    /* text needs Lumo's text shade of the error colour: the base one is 2.7:1 on the dark background */
    fill: var(--lumo-error-text-color, #d0271d);
    font-weight: 600;
    font-size: 11px;
  }
  .note-mark {
    fill: var(--sip-ladder-note);
  }
  .kind-NAT_MAPPING .note-mark {
    fill: var(--sip-ladder-rewrite);
  }
  .kind-BINDING .note-mark,
  .kind-REGISTRATION .note-mark {
    fill: var(--sip-ladder-sip);
  }
  .kind-CALL .note-mark {
    fill: var(--sip-ladder-dns);
  }
  .note-text {
    font-size: 11px;
    fill: var(--lumo-secondary-text-color, #666);
  }
  .selected .note-text {
    fill: var(--lumo-body-text-color, #222);
  }
  .gap-line {
    stroke: var(--lumo-contrast-20pct, #ccc);
    stroke-dasharray: 2 4;
  }
  .gap-text {
    font-size: 10.5px;
    font-style: italic;
    fill: var(--lumo-secondary-text-color, #666); /* tertiary is 3.1:1 on white, under WCAG AA */
  }
  .empty {
    padding: var(--lumo-space-l, 24px);
    color: var(--lumo-secondary-text-color, #666);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
