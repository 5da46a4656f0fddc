/**
 * Pure layout of the ladder: model + options in, positioned lanes, rows, segments and marks out. No DOM, so it
 * can be reasoned about (and tested) without a browser; the element only draws what this returns, and only the
 * rows in view.
 */
import type { Arrow, LadderFilters, LadderModel, Lane, Note } from './ladder-model.js';

export interface LayoutOptions {
  /** Width available to the ladder, px; lanes spread over it but never closer than `minLaneGap`. */
  width: number;
  filters: LadderFilters;
  timeColumn: number;
  minLaneGap: number;
  /** Height of a one-hop arrow row; each further hop adds `jog` (the bend at the NAT). */
  arrowRow: number;
  jog: number;
  noteRow: number;
  gapRow: number;
  /** A pause longer than this (µs) gets a thin break row, so idle minutes take no room. */
  idleGap: number;
  /** Average glyph width of the label font, px: enough to keep labels inside the drawing. */
  charWidth: number;
}

export const LAYOUT_DEFAULTS: Omit<LayoutOptions, 'width' | 'filters'> = {
  timeColumn: 68,
  minLaneGap: 136,
  arrowRow: 40,
  jog: 16,
  noteRow: 24,
  gapRow: 16,
  idleGap: 1_000_000,
  charWidth: 6.4,
};

export interface LaneBox {
  lane: Lane;
  x: number;
  /** Header lines under the name: one address, or the NAT's `inside | public` (split when too wide). */
  lines: string[];
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The step that recorded this hop's arrival (-1 for the connector drawn at a NAT). */
  step: number;
}

export interface Rewrite {
  /** The junction on the NAT lane. */
  x: number;
  y: number;
  text: string;
  /** Where the text starts or ends: on the side the packet came from, at the level of the next hop. */
  textX: number;
  textY: number;
  anchor: 'start' | 'end';
}

interface RowBase {
  y: number;
  height: number;
  time: number;
  /** The steps this row draws; selecting any of them highlights the row. */
  steps: number[];
}

export interface ArrowRow extends RowBase {
  type: 'arrow';
  arrow: Arrow;
  segments: Segment[];
  connectors: Segment[];
  rewrites: Rewrite[];
  head: { x: number; y: number; dir: 1 | -1 } | null;
  drop: { x: number; y: number; step: number; reason: string } | null;
  labelX: number;
  labelY: number;
  detail: string;
  from: string;
  to: string;
}

export interface NoteRow extends RowBase {
  type: 'note';
  note: Note;
  x: number;
  cy: number;
  text: string;
  textX: number;
  anchor: 'start' | 'end';
}

export interface GapRow extends RowBase {
  type: 'gap';
  /** Idle time skipped, µs. */
  skipped: number;
}

export type Row = ArrowRow | NoteRow | GapRow;

export interface LadderLayout {
  lanes: LaneBox[];
  rows: Row[];
  width: number;
  height: number;
  /** Row index of every drawn step. */
  stepRows: Map<number, number>;
  /** Drawn steps, ascending: what ←/→ walk through. */
  drawnSteps: number[];
  /** Row index per mark name (the row holding the mark's step, or the next drawn one). */
  marks: { name: string; row: number }[];
}

/** Whether the filters let an arrow be drawn. */
export function arrowShown(a: Arrow, f: LadderFilters): boolean {
  if (a.category === 'KEEPALIVE' && !f.keepalive) return false;
  if (a.category === 'DNS' && !f.dns) return false;
  if (a.category === 'TCP' && !f.tcp) return false;
  return !(a.retransmission && !f.retransmissions);
}

export function noteShown(n: Note, f: LadderFilters): boolean {
  return f.notes && (f.dns || n.kind !== 'DNS');
}

function truncate(text: string, px: number, charWidth: number): string {
  const max = Math.max(4, Math.floor(px / charWidth));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function layoutLadder(model: LadderModel, o: LayoutOptions): LadderLayout {
  const n = Math.max(1, model.lanes.length);
  const gap = Math.max(o.minLaneGap, (o.width - o.timeColumn) / n);
  const width = Math.round(o.timeColumn + gap * n);
  const laneX = new Map<string, number>();
  const lanes: LaneBox[] = model.lanes.map((lane, i) => {
    const x = Math.round(o.timeColumn + gap * (i + 0.5));
    laneX.set(lane.name, x);
    let lines = lane.addresses.length ? [lane.addresses.join(' | ')] : [];
    if (lines.length && lines[0].length * o.charWidth > gap - 8) {
      lines = lane.addresses.map((a, k) => (k < lane.addresses.length - 1 ? `${a} |` : a));
    }
    return { lane, x, lines };
  });
  const roles = new Map(model.lanes.map((l) => [l.name, l.role]));
  const xOf = (name: string) => laneX.get(name) ?? o.timeColumn;

  type Entry = { time: number; order: number; arrow?: Arrow; note?: Note };
  const entries: Entry[] = [];
  for (const a of model.arrows) {
    if (arrowShown(a, o.filters)) entries.push({ time: a.sentAt, order: a.firstStep, arrow: a });
  }
  for (const nt of model.notes) {
    if (noteShown(nt, o.filters)) entries.push({ time: nt.time, order: nt.step, note: nt });
  }
  // time order; at equal times the trace's own order (a mapping is created before the packet that needs it)
  entries.sort((p, q) => p.time - q.time || p.order - q.order);

  const rows: Row[] = [];
  const stepRows = new Map<number, number>();
  let y = 0;
  let last: number | null = null;
  for (const e of entries) {
    if (last !== null && e.time - last > o.idleGap) {
      rows.push({ type: 'gap', y, height: o.gapRow, time: e.time, steps: [], skipped: e.time - last });
      y += o.gapRow;
    }
    last = e.time;
    const row = e.arrow ? arrowRow(e.arrow, y) : noteRow(e.note as Note, y);
    for (const s of row.steps) stepRows.set(s, rows.length);
    rows.push(row);
    y += row.height;
  }

  function arrowRow(a: Arrow, top: number): ArrowRow {
    const hops = a.hops;
    const height = o.arrowRow + o.jog * Math.max(0, hops.length - 1);
    const level = (i: number) => top + 24 + i * o.jog;
    const segments: Segment[] = [];
    const connectors: Segment[] = [];
    const rewrites: Rewrite[] = [];
    hops.forEach((h, i) => {
      const x1 = xOf(h.from);
      let x2 = xOf(h.to);
      if (h.from === h.to) x2 = x1 + (x1 + 40 > width ? -36 : 36); // never left its sender: a stub
      segments.push({ x1, y1: level(i), x2, y2: level(i), step: h.step });
      const next = hops[i + 1];
      if (!next) return;
      connectors.push({ x1: x2, y1: level(i), x2, y2: level(i + 1), step: -1 });
      if (roles.get(h.to) !== 'NAT') return;
      const changes: string[] = [];
      if (h.src !== next.src) changes.push(`${h.src} ⇒ ${next.src}`);
      if (h.dst !== next.dst) changes.push(`${h.dst} ⇒ ${next.dst}`);
      if (!changes.length) return;
      const fromLeft = x1 < x2;
      rewrites.push({
        x: x2,
        y: level(i + 1),
        text: changes.join('; '),
        textX: fromLeft ? x2 - 12 : x2 + 12,
        textY: level(i + 1) + 4,
        anchor: fromLeft ? 'end' : 'start',
      });
    });
    const lastSeg = segments[segments.length - 1];
    const dropped = a.dropped;
    const drop = dropped
      ? { x: lastSeg.x2, y: lastSeg.y2, step: dropped.step, reason: dropped.reason }
      : null;
    const head = dropped ? null : { x: lastSeg.x2, y: lastSeg.y2, dir: (lastSeg.x2 >= lastSeg.x1 ? 1 : -1) as 1 | -1 };
    const xs = segments.flatMap((s) => [s.x1, s.x2]);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    // the label sits above the first level, centred on the arrow but kept inside the drawing
    const room = width - o.timeColumn - 16;
    // the rewrite box already says which public address the packet used: no need to repeat "via …"
    const shown = rewrites.length ? a.detail.replace(/(^| · )via \S+$/, '') : a.detail;
    const detail = truncate(shown, room - (a.label.length + 2) * o.charWidth, o.charWidth);
    const textW = (a.label.length + (detail ? detail.length + 3 : 0)) * o.charWidth;
    const minX = o.timeColumn + 8 + textW / 2;
    const maxX = width - 8 - textW / 2;
    const labelX = Math.round(Math.min(Math.max((lo + hi) / 2, minX), Math.max(minX, maxX)));
    const steps = hops.map((h) => h.step);
    if (dropped && !steps.includes(dropped.step)) steps.push(dropped.step);
    return {
      type: 'arrow', y: top, height, time: a.sentAt, steps, arrow: a, segments, connectors, rewrites, head, drop,
      labelX, labelY: top + 14, detail, from: hops[0].from, to: hops[hops.length - 1].to,
    };
  }

  function noteRow(nt: Note, top: number): NoteRow {
    const x = xOf(nt.lane);
    // text runs towards the wider side of the lane, so a note on the last lane reads leftwards
    const rightward = width - x >= x - o.timeColumn;
    const room = rightward ? width - x - 20 : x - o.timeColumn - 20;
    return {
      type: 'note', y: top, height: o.noteRow, time: nt.time, steps: [nt.step], note: nt, x,
      cy: top + o.noteRow / 2, text: truncate(nt.text, room, o.charWidth),
      textX: rightward ? x + 10 : x - 10, anchor: rightward ? 'start' : 'end',
    };
  }

  const drawnSteps = [...stepRows.keys()].sort((p, q) => p - q);
  const marks = model.marks.map((m) => {
    const i = lowerBound(drawnSteps, m.step);
    return { name: m.name, row: i < drawnSteps.length ? (stepRows.get(drawnSteps[i]) as number) : -1 };
  }).filter((m) => m.row >= 0);
  return { lanes, rows, width, height: y, stepRows, drawnSteps, marks };
}

/** First index whose value is >= `v` in an ascending array. */
export function lowerBound(values: number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows overlapping [top, bottom): a half-open index range, found by binary search (rows are sorted by y). */
export function rowsInView(layout: LadderLayout, top: number, bottom: number): [number, number] {
  const rows = layout.rows;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].y + rows[mid].height <= top) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < rows.length && rows[end].y < bottom) end++;
  return [lo, end];
}

/** The drawn step before or after `step` (which need not be drawn), or `step` itself at either end. */
export function neighbourStep(layout: LadderLayout, step: number, dir: 1 | -1): number {
  const d = layout.drawnSteps;
  if (!d.length) return step;
  if (dir > 0) {
    const i = lowerBound(d, step + 1);
    return i < d.length ? d[i] : d[d.length - 1];
  }
  const i = lowerBound(d, step) - 1;
  return i >= 0 ? d[i] : d[0];
}
