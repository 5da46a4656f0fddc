import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { timelineSelect } from './events.js';
import {
  layoutTimeline,
  nearestStep,
  timeAt,
  TIMELINE_DEFAULTS,
  type PlacedBar,
  type TimelineLayout,
} from './timeline-layout.js';
import type { TimelineModel, TimelineRow } from './timeline-model.js';
import { timelineStyles } from './vl-timeline.styles.js';

/** English defaults; Java passes translated ones through `labels`. `{0}`… are arguments. */
export const TIMELINE_LABELS = {
  timeline: 'Lifetimes over virtual time: NAT mappings, keep-alive target, registrar bindings',
  seconds: 's',
  keepalive: 'keep-alive {0}',
  'kind.NAT_MAPPING': 'NAT mappings',
  'kind.KEEPALIVE': 'Keep-alive target',
  'kind.BINDING': 'Registrar bindings',
  /** Bar tooltip: {0} row, {1} bar, {2} start s, {3} end s, {4} how it ended. */
  bar: '{0}: {1}, {2}–{3} s, {4}',
  'end.EXPIRED': 'expired',
  'end.CLOSED': 'closed',
  'end.REMOVED': 'removed',
  'end.REPLACED': 'replaced',
  'end.OPEN': 'still alive at the end',
  empty: 'Nothing to show',
};

export type TimelineLabels = typeof TIMELINE_LABELS;

function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => String(args[Number(i)] ?? m));
}

const seconds = (micros: number) => (micros / 1e6).toFixed(micros % 1e6 === 0 ? 0 : 3);

/**
 * @summary A horizontal plot over virtual time: one row per NAT mapping (bar from creation to expiry or close,
 * labelled with public port and remote), the phone's keep-alive target as coloured segments, and one row per
 * registrar binding (a bar per server and source address). A vertical cursor marks the selected step.
 *
 * @event timeline-select - The learner clicked the plot (`detail.step` = the step nearest to that time) or
 *   moved with ←/→ to the previous/next start or end of a lifetime.
 *
 * @csspart plot - The SVG.
 *
 * @cssprop --vl-tone-0 - Colour of the first target lane's bars (then --vl-tone-1 … --vl-tone-5).
 * @cssprop --vl-timeline-expired - Colour of the end cap of an expired mapping or binding.
 */
@customElement('vl-timeline')
export class VlTimeline extends LitElement {
  static override styles = timelineStyles;

  @property({ attribute: false }) model: TimelineModel | null = null;

  /** The selected trace step, or -1: the cursor sits at its time. */
  @property({ type: Number }) selected = -1;

  @property({ attribute: false }) labels: Partial<TimelineLabels> = {};

  @state() private width = 0;

  private layout: TimelineLayout | null = null;
  private readonly resize = new ResizeObserver((entries) => {
    const w = Math.floor(entries[0].contentRect.width);
    if (w !== this.width) this.width = w;
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
    super.disconnectedCallback();
  }

  private get text(): TimelineLabels {
    return { ...TIMELINE_LABELS, ...this.labels };
  }

  private rowLabel = (row: TimelineRow): string =>
    row.kind === 'KEEPALIVE' ? fill(this.text.keepalive, row.label) : row.label;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('model') || changed.has('width') || changed.has('labels')) {
      this.layout = this.model && this.width > 0
        ? layoutTimeline(this.model, { ...TIMELINE_DEFAULTS, width: this.width }, this.rowLabel)
        : null;
    }
    this.setAttribute('aria-label', this.text.timeline);
  }

  private select(step: number): void {
    if (step < 0) return;
    this.selected = step;
    this.dispatchEvent(timelineSelect(step));
  }

  private onClick = (e: MouseEvent): void => {
    const model = this.model;
    const layout = this.layout;
    const svgEl = e.currentTarget as SVGSVGElement;
    if (!model || !layout) return;
    const x = e.clientX - svgEl.getBoundingClientRect().left;
    if (x < layout.plotLeft - 4) return;
    this.select(nearestStep(model.stepTimes, timeAt(layout, x, model.endTime)));
  };

  private onKey = (e: KeyboardEvent): void => {
    const events = this.layout?.events ?? [];
    if (!events.length || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const cur = this.selected;
    const next = e.key === 'ArrowRight'
      ? events.find((s) => s > cur) ?? events[events.length - 1]
      : [...events].reverse().find((s) => s < cur) ?? events[0];
    this.select(next);
  };

  private renderBar(p: PlacedBar, labels: TimelineLabels) {
    const b = p.bar;
    const tip = fill(labels.bar, this.rowLabel(p.row), b.label, seconds(b.start), seconds(b.end),
      (labels as Record<string, string>)[`end.${b.ended}`] ?? b.ended);
    const tone = p.tone >= 0 ? `tone-${p.tone % 6}` : 'tone-none';
    return svg`<g class="bar ${tone} kind-${p.row.kind}"><title>${tip}</title>
      <rect x=${p.x} y=${p.y} width=${p.w} height=${p.h} rx="3"></rect>
      ${p.text ? svg`<text x=${p.x + 5} y=${p.y + p.h - 4}>${p.text}</text>` : nothing}
      ${b.ended !== 'OPEN' && b.ended !== 'REPLACED'
        ? svg`<line class="end-${b.ended}" x1=${p.x + p.w} x2=${p.x + p.w} y1=${p.y - 2} y2=${p.y + p.h + 2}></line>`
        : nothing}
    </g>`;
  }

  protected override render() {
    const layout = this.layout;
    const model = this.model;
    const labels = this.text;
    if (!layout || !model) return html`<div class="empty">${model ? '' : labels.empty}</div>`;
    const t = this.selected >= 0 && this.selected < model.stepTimes.length ? model.stepTimes[this.selected] : -1;
    const cx = t >= 0 ? layout.plotLeft + (t / Math.max(1, model.endTime)) * (layout.plotRight - layout.plotLeft) : -1;
    return html`<svg part="plot" width=${layout.width} height=${layout.height} @click=${this.onClick}>
      <g class="axis">
        ${layout.ticks.map((k) => svg`<line class="grid" x1=${k.x} x2=${k.x} y1="18" y2=${layout.height}></line>
          <text x=${k.x} y="13" text-anchor="middle">${k.text}</text>`)}
        <text x=${layout.plotLeft - 10} y="13" text-anchor="end">${labels.seconds}</text>
      </g>
      ${layout.headings.map((h) => svg`<text class="heading" x="10" y=${h.y + 15}>${
        (labels as Record<string, string>)[`kind.${h.kind}`] ?? h.kind}</text>`)}
      ${layout.rows.map((r) => svg`<line class="row-line" x1="0" x2=${layout.width} y1=${r.y + TIMELINE_DEFAULTS.rowHeight}
          y2=${r.y + TIMELINE_DEFAULTS.rowHeight}></line>
        <text x="16" y=${r.y + 16}><title>${r.row.detail}</title>${r.label}</text>`)}
      ${layout.bars.map((p) => this.renderBar(p, labels))}
      ${layout.marks.map((m) => svg`<line class="mark-line" x1=${m.x} x2=${m.x} y1="18" y2=${layout.height}></line>
        <text class="mark halo" x=${m.x + 3} y=${TIMELINE_DEFAULTS.axisHeight + 14}>${m.name}</text>`)}
      ${cx >= 0
        ? svg`<line class="cursor" x1=${cx} x2=${cx} y1="2" y2=${layout.height}></line>
          <text class="cursor-label halo" x=${cx + 4} y=${layout.height - 7}>${seconds(t)} ${labels.seconds}</text>`
        : nothing}
    </svg>`;
  }
}
