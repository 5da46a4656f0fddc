/** Pure layout of the timeline: model + width in, positioned rows, bars, ticks and marks out. No DOM. */
import type { Bar, RowKind, TimelineModel, TimelineRow } from './timeline-model.js';

export interface TimelineLayoutOptions {
  width: number;
  labelColumn: number;
  rowHeight: number;
  headingHeight: number;
  axisHeight: number;
  padRight: number;
  charWidth: number;
  /** Least room between two axis ticks, px. */
  tickSpacing: number;
}

export const TIMELINE_DEFAULTS: Omit<TimelineLayoutOptions, 'width'> = {
  labelColumn: 190,
  rowHeight: 24,
  headingHeight: 22,
  axisHeight: 24,
  padRight: 20,
  charWidth: 6.2,
  tickSpacing: 64,
};

export interface PlacedBar {
  bar: Bar;
  row: TimelineRow;
  x: number;
  w: number;
  y: number;
  h: number;
  /** Colour index: the bar's target's position in `model.targets` (-1 when it has none). */
  tone: number;
  /** The label cut to fit inside the bar, or '' when nothing fits. */
  text: string;
}

export interface PlacedRow {
  row: TimelineRow;
  y: number;
  label: string;
}

export interface Heading {
  kind: RowKind;
  y: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  rows: PlacedRow[];
  headings: Heading[];
  bars: PlacedBar[];
  ticks: { x: number; text: string }[];
  /** Every mark's line; `name` is '' where it would overwrite the previous mark's name. */
  marks: { x: number; name: string }[];
  /** Lifecycle steps (bar starts and ends), ascending: what ←/→ walk through. */
  events: number[];
}

const TICK_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400];

function cut(text: string, px: number, charWidth: number): string {
  const max = Math.floor(px / charWidth);
  if (max < 4) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function layoutTimeline(
  model: TimelineModel,
  o: TimelineLayoutOptions,
  rowLabel: (row: TimelineRow) => string,
): TimelineLayout {
  const plotLeft = o.labelColumn;
  const plotRight = Math.max(plotLeft + 100, o.width - o.padRight);
  const span = Math.max(1, model.endTime);
  const x = (t: number) => plotLeft + (Math.min(Math.max(t, 0), span) / span) * (plotRight - plotLeft);
  const rows: PlacedRow[] = [];
  const headings: Heading[] = [];
  const bars: PlacedBar[] = [];
  const events = new Set<number>();
  let y = o.axisHeight;
  let kind: RowKind | null = null;
  for (const row of model.rows) {
    if (row.kind !== kind) {
      kind = row.kind;
      headings.push({ kind, y });
      y += o.headingHeight;
    }
    rows.push({ row, y, label: cut(rowLabel(row), o.labelColumn - 16, o.charWidth) || rowLabel(row) });
    for (const bar of row.bars) {
      const x1 = x(bar.start);
      const w = Math.max(2, x(bar.end) - x1);
      bars.push({
        bar, row, x: x1, w, y: y + 4, h: o.rowHeight - 8, tone: model.targets.indexOf(bar.target),
        text: cut(bar.label, w - 8, o.charWidth),
      });
      if (bar.startStep >= 0) events.add(bar.startStep);
      if (bar.endStep >= 0) events.add(bar.endStep);
    }
    y += o.rowHeight;
  }
  const seconds = span / 1e6;
  const per = TICK_SECONDS.find((s) => ((plotRight - plotLeft) * s) / seconds >= o.tickSpacing) ?? 86400;
  const ticks = [];
  for (let s = 0; s <= seconds + 1e-9; s += per) ticks.push({ x: x(s * 1e6), text: `${s}` });
  return {
    width: o.width, height: y + 24, plotLeft, plotRight, rows, headings, bars, ticks,
    marks: placeMarks(model, x, o.charWidth),
    events: [...events].sort((p, q) => p - q),
  };
}

function placeMarks(model: TimelineModel, x: (t: number) => number, charWidth: number) {
  let free = -Infinity;
  return model.marks.map((m) => {
    const at = x(m.time);
    const fits = at >= free;
    if (fits) free = at + (m.name.length + 1) * charWidth + 4;
    return { x: at, name: fits ? m.name : '' };
  });
}

/** Time at a horizontal position of the plot (clamped to the run). */
export function timeAt(layout: TimelineLayout, px: number, endTime: number): number {
  const f = (px - layout.plotLeft) / (layout.plotRight - layout.plotLeft);
  return Math.min(Math.max(f, 0), 1) * endTime;
}

/** The step whose time is nearest to `t` (the earlier one on a tie), or -1 without steps. */
export function nearestStep(stepTimes: number[], t: number): number {
  if (!stepTimes.length) return -1;
  let lo = 0;
  let hi = stepTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stepTimes[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === stepTimes.length) return lo - 1;
  if (lo === 0) return 0;
  // among equal times the first step is the one to show: it starts what happened then
  const before = lo - 1;
  if (t - stepTimes[before] <= stepTimes[lo] - t) {
    let i = before;
    while (i > 0 && stepTimes[i - 1] === stepTimes[before]) i--;
    return i;
  }
  return lo;
}
