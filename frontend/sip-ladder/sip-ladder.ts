import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ladderSelect } from './events.js';
import { DEFAULT_LABELS, type LadderLabels } from './ladder-labels.js';
import {
  LAYOUT_DEFAULTS,
  layoutLadder,
  neighbourStep,
  rowsInView,
  type ArrowRow,
  type LadderLayout,
  type Row,
} from './ladder-layout.js';
import { ALL_SHOWN, fill, formatTime, type LadderFilters, type LadderModel } from './ladder-model.js';
import { renderLaneHeader, renderRow, type RowContext } from './ladder-rows.js';
import { ladderStyles } from './sip-ladder.styles.js';

/** Rows drawn above and below the visible window, px, so fast scrolling shows no blank band. */
const OVERSCAN = 400;

/**
 * @summary A SIP/DNS message ladder with one lane per device. A packet that crosses the NAT bends at the NAT
 * lane, which shows the address rewrite; dropped packets end in ✕. Only the rows in view are in the DOM, so a
 * trace with thousands of packets scrolls smoothly.
 *
 * @event ladder-select - The learner picked a step (click, or Enter on the keyboard cursor).
 *   `event.detail.step` is the trace step index. The element also sets its own `selected`.
 *
 * @csspart scroller - The scrolling box (both directions).
 * @csspart header - The sticky lane header.
 * @csspart body - The rows.
 *
 * @cssprop --sip-ladder-sip - Colour of SIP arrows.
 * @cssprop --sip-ladder-dns - Colour of DNS arrows.
 * @cssprop --sip-ladder-keepalive - Colour of keep-alives (drawn light and dashed, like retransmissions).
 * @cssprop --sip-ladder-drop - Colour of the ✕ of a dropped packet.
 * @cssprop --sip-ladder-rewrite - Colour of the NAT rewrite mark.
 *
 * Keyboard: the element is focusable; ←/→ move a cursor to the previous/next drawn step, Home/End to the first
 * and last, Enter (or Space) selects the step under the cursor.
 */
@customElement('sip-ladder')
export class SipLadder extends LitElement {
  static override styles = ladderStyles;

  /** The whole run, sent once; see `ladder-model.ts`. */
  @property({ attribute: false }) model: LadderModel | null = null;

  /** The selected trace step, or -1. Changing it highlights its row and scrolls it into view. */
  @property({ type: Number }) selected = -1;

  /** Which kinds of rows are drawn; missing keys count as shown. */
  @property({ attribute: false }) filters: Partial<LadderFilters> = {};

  /** Translated UI words; missing keys fall back to English (`ladder-labels.ts`). */
  @property({ attribute: false }) labels: Partial<LadderLabels> = {};

  @state() private focusStep = -1;
  @state() private viewTop = 0;
  @state() private viewport = { width: 0, height: 0 };
  @state() private announcement = '';

  @query('.scroller') private scroller?: HTMLDivElement;

  private layout: LadderLayout | null = null;
  private revealStep = -1;
  private frame = 0;
  private readonly resize = new ResizeObserver((entries) => {
    const r = entries[0].contentRect;
    if (r.width !== this.viewport.width || r.height !== this.viewport.height) {
      this.viewport = { width: r.width, height: r.height };
    }
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.addEventListener('keydown', this.onKey);
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    this.removeEventListener('keydown', this.onKey);
    cancelAnimationFrame(this.frame);
    super.disconnectedCallback();
  }

  private get text(): LadderLabels {
    return { ...DEFAULT_LABELS, ...this.labels };
  }

  private get headerHeight(): number {
    const lines = Math.max(1, ...(this.layout?.lanes.map((l) => l.lines.length) ?? [1]));
    return 30 + lines * 13;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('model') || changed.has('filters') || changed.has('viewport')) {
      const width = this.viewport.width;
      this.layout = this.model && width > 0
        ? layoutLadder(this.model, { ...LAYOUT_DEFAULTS, width, filters: { ...ALL_SHOWN, ...this.filters } })
        : null;
    }
    if (changed.has('selected')) {
      this.focusStep = this.selected;
      this.revealStep = this.selected;
    }
    this.setAttribute('aria-label', this.text.ladder);
  }

  protected override updated(): void {
    if (this.revealStep >= 0 && this.layout) {
      const step = this.revealStep;
      this.revealStep = -1;
      this.reveal(step);
    }
  }

  /** Scrolls the row of `step` into view (a third from the top) unless it is already fully visible. */
  private reveal(step: number): void {
    const index = this.layout?.stepRows.get(step);
    const scroller = this.scroller;
    if (index === undefined || !scroller || !this.layout) return;
    const row = this.layout.rows[index];
    const view = scroller.clientHeight - this.headerHeight;
    if (row.y < scroller.scrollTop || row.y + row.height > scroller.scrollTop + view) {
      scroller.scrollTop = Math.max(0, row.y - view / 3);
      this.viewTop = scroller.scrollTop;
    }
  }

  private onScroll = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.viewTop = this.scroller?.scrollTop ?? 0;
    });
  };

  private onClick = (e: Event): void => {
    const target = (e.target as Element).closest('[data-step]');
    const step = Number(target?.getAttribute('data-step'));
    if (target && Number.isInteger(step) && step >= 0) this.select(step);
  };

  private onKey = (e: KeyboardEvent): void => {
    const layout = this.layout;
    if (!layout || !layout.drawnSteps.length) return;
    const steps = layout.drawnSteps;
    const from = this.focusStep >= 0 ? this.focusStep : this.selected;
    let to: number;
    switch (e.key) {
      case 'ArrowRight':
        to = from < 0 ? steps[0] : neighbourStep(layout, from, 1);
        break;
      case 'ArrowLeft':
        to = from < 0 ? steps[0] : neighbourStep(layout, from, -1);
        break;
      case 'Home':
        to = steps[0];
        break;
      case 'End':
        to = steps[steps.length - 1];
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (from >= 0) this.select(from);
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusStep = to;
    this.reveal(to);
    const row = layout.rows[layout.stepRows.get(to) as number];
    this.announcement = this.describe(row);
  };

  private describe(row: Row): string {
    if (row.type === 'note') return fill(this.text.note, formatTime(row.time), row.note.lane, row.note.text);
    if (row.type !== 'arrow') return '';
    const a = (row as ArrowRow).arrow;
    return fill(this.text.arrow, formatTime(row.time), a.label, row.from, row.to, a.detail);
  }

  private select(step: number): void {
    this.selected = step;
    this.focusStep = step;
    this.dispatchEvent(ladderSelect(step));
  }

  protected override render() {
    const layout = this.layout;
    const labels = this.text;
    if (!layout || !layout.rows.length) {
      return html`<div class="empty" part="body">${this.model || !this.viewport.width ? labels.empty : ''}</div>`;
    }
    const head = this.headerHeight;
    const view = Math.max(0, this.viewport.height - head);
    const [from, to] = rowsInView(layout, this.viewTop - OVERSCAN, this.viewTop + view + OVERSCAN);
    const top = from < to ? layout.rows[from].y : 0;
    const bottom = from < to ? layout.rows[to - 1].y + layout.rows[to - 1].height : 0;
    const ctx: RowContext = {
      labels,
      selected: this.selected,
      focus: this.focusStep,
      width: layout.width,
      timeColumn: LAYOUT_DEFAULTS.timeColumn,
      monoWidth: 6.35,
    };
    const nat = layout.lanes.filter((l) => l.lane.role === 'NAT');
    return html`
      <div class="scroller" part="scroller" @scroll=${this.onScroll}>
        <div class="header" part="header" style="width:${layout.width}px">
          <svg width=${layout.width} height=${head} aria-hidden="false">
            <text class="time" x=${LAYOUT_DEFAULTS.timeColumn - 8} y="18" text-anchor="end">${labels.time}</text>
            ${layout.lanes.map((b) => renderLaneHeader(b, labels))}
          </svg>
        </div>
        <div class="body" part="body" style="height:${layout.height}px;width:${layout.width}px">
          <svg class="rows" role="list" width=${layout.width} height=${bottom - top} style="top:${top}px"
              viewBox="0 ${top} ${layout.width} ${bottom - top}" @click=${this.onClick}>
            ${nat.map((b) => svg`<rect class="nat-band" x=${b.x - 5} y=${top} width="10"
                height=${bottom - top}></rect>`)}
            ${layout.lanes.map((b) => svg`<line class="lane-line" x1=${b.x} x2=${b.x} y1=${top}
                y2=${bottom}></line>`)}
            ${repeat(
              layout.rows.slice(from, to),
              // keyed by row: while scrolling, an element keeps showing the same row (clicks and focus land
              // where they were aimed) and only rows entering the window are created
              (_row, i) => from + i,
              (row) => renderRow(row, ctx),
            )}
            ${layout.marks.filter((m) => m.row >= from && m.row < to).map((m) => {
              const r = layout.rows[m.row];
              // a named moment: a rule over its first row, named where no lane is drawn
              return svg`<line class="mark-line" x1=${LAYOUT_DEFAULTS.timeColumn} x2=${layout.width} y1=${r.y}
                  y2=${r.y}></line><text class="mark halo" x=${LAYOUT_DEFAULTS.timeColumn + 4} y=${r.y + 11}
                  >${m.name}</text>`;
            })}
          </svg>
        </div>
      </div>
      <div class="sr-only" aria-live="polite">${this.announcement || nothing}</div>
    `;
  }
}
