/**
 * SVG templates for the ladder's rows and lane header. Kept apart from the element so `sip-ladder.ts` is only
 * state, events and virtualization; everything here is a function of a laid-out row and the view context.
 */
import { nothing, svg, type SVGTemplateResult } from 'lit';
import type { ArrowRow, GapRow, LaneBox, NoteRow, Row } from './ladder-layout.js';
import { fill, formatTime } from './ladder-model.js';
import type { LadderLabels } from './ladder-labels.js';

export interface RowContext {
  labels: LadderLabels;
  selected: number;
  focus: number;
  width: number;
  timeColumn: number;
  /** Monospace glyph width for the rewrite box, px. */
  monoWidth: number;
}

export function renderRow(row: Row, ctx: RowContext): SVGTemplateResult {
  switch (row.type) {
    case 'arrow':
      return arrowRow(row, ctx);
    case 'note':
      return noteRow(row, ctx);
    case 'gap':
      return gapRow(row, ctx);
  }
}

function rowClass(row: Row, ctx: RowContext): string {
  const sel = row.steps.includes(ctx.selected) ? ' selected' : '';
  return `row${sel}${row.steps.includes(ctx.focus) ? ' focused' : ''}`;
}

function arrowAria(row: ArrowRow, l: LadderLabels): string {
  const a = row.arrow;
  let text = fill(l.arrow, formatTime(row.time), a.label, row.from, row.to, a.detail);
  if (a.retransmission) text += ` ${l.retransmission}`;
  if (a.dropped) text += ` ${fill(l.droppedAt, a.dropped.lane, a.dropped.reason)}`;
  return text;
}

function arrowRow(row: ArrowRow, ctx: RowContext): SVGTemplateResult {
  const a = row.arrow;
  const light = a.category === 'KEEPALIVE' || a.retransmission ? ' light' : '';
  const head = row.head;
  return svg`<g class="${rowClass(row, ctx)}" data-step=${a.firstStep} role="listitem"
      aria-label=${arrowAria(row, ctx.labels)}>
    <rect class="bg" x="0" y=${row.y} width=${ctx.width} height=${row.height}></rect>
    <text class="time" x=${ctx.timeColumn - 8} y=${row.labelY} text-anchor="end">${formatTime(row.time)}</text>
    <g class="cat-${a.category}${light}">
      ${row.connectors.map((c) => svg`<line class="connector" x1=${c.x1} y1=${c.y1} x2=${c.x2} y2=${c.y2}></line>`)}
      ${row.segments.map(
        (s) => svg`<line class="seg${s.step === ctx.selected ? ' this-step' : ''}" x1=${s.x1} y1=${s.y1}
            x2=${s.x2} y2=${s.y2}></line>
          <line class="hit" data-step=${s.step} x1=${s.x1} y1=${s.y1} x2=${s.x2} y2=${s.y2}></line>`,
      )}
      ${head
        ? svg`<path class="head" d="M${head.x} ${head.y} l${-9 * head.dir} -4.5 v9 z"></path>`
        : nothing}
      <text class="label halo" x=${row.labelX} y=${row.labelY} text-anchor="middle">${a.label}<tspan
          class="detail">${row.detail ? `  ${row.detail}` : ''}</tspan></text>
    </g>
    ${row.rewrites.map((r) => {
      const w = r.text.length * ctx.monoWidth + 10;
      const x = r.anchor === 'end' ? r.textX - w + 5 : r.textX - 5;
      return svg`<g class="rewrite-mark"><title>${fill(ctx.labels.rewrite, r.text)}</title>
        <rect class="rewrite-box" x=${x} y=${r.textY - 11} width=${w} height="15" rx="3"></rect>
        <text class="rewrite" x=${r.textX} y=${r.textY} text-anchor=${r.anchor}>${r.text}</text>
        <circle class="junction" cx=${r.x} cy=${r.y} r="3.5"></circle></g>`;
    })}
    ${row.drop ? dropMark(row, ctx) : nothing}
  </g>`;
}

function dropMark(row: ArrowRow, ctx: RowContext): SVGTemplateResult {
  const d = row.drop as NonNullable<ArrowRow['drop']>;
  const last = row.segments[row.segments.length - 1];
  // "dropped" goes on the side the packet never reached
  const fromRight = last.x1 > last.x2;
  return svg`<g class="drop" data-step=${d.step}><title>${d.reason}</title>
    <circle cx=${d.x} cy=${d.y} r="8"></circle>
    <line x1=${d.x - 4} y1=${d.y - 4} x2=${d.x + 4} y2=${d.y + 4}></line>
    <line x1=${d.x - 4} y1=${d.y + 4} x2=${d.x + 4} y2=${d.y - 4}></line>
    <text class="drop-text halo" x=${fromRight ? d.x - 13 : d.x + 13} y=${d.y + 4}
      text-anchor=${fromRight ? 'end' : 'start'}>${ctx.labels.dropped}</text></g>`;
}

function noteRow(row: NoteRow, ctx: RowContext): SVGTemplateResult {
  const n = row.note;
  const full = n.rule && !n.text.includes(n.rule) ? `${n.text} [${n.rule}]` : n.text;
  return svg`<g class="${rowClass(row, ctx)} note kind-${n.kind}" data-step=${n.step} role="listitem"
      aria-label=${fill(ctx.labels.note, formatTime(row.time), n.lane, n.text)}>
    <title>${full}</title>
    <rect class="bg" x="0" y=${row.y} width=${ctx.width} height=${row.height}></rect>
    <text class="time" x=${ctx.timeColumn - 8} y=${row.cy + 4} text-anchor="end">${formatTime(row.time)}</text>
    <path class="note-mark" d="M${row.x} ${row.cy - 5} l5 5 l-5 5 l-5 -5 z"></path>
    <text class="note-text halo" x=${row.textX} y=${row.cy + 4} text-anchor=${row.anchor}>${row.text}</text>
  </g>`;
}

function gapRow(row: GapRow, ctx: RowContext): SVGTemplateResult {
  const mid = row.y + row.height / 2;
  const seconds = (row.skipped / 1e6).toFixed(row.skipped >= 10e6 ? 0 : 1);
  return svg`<g class="gap" aria-hidden="true">
    <line class="gap-line" x1=${ctx.timeColumn} y1=${mid} x2=${ctx.width} y2=${mid}></line>
    <text class="gap-text halo" x=${ctx.timeColumn - 8} y=${mid + 4} text-anchor="end">${fill(
      ctx.labels.idle, seconds)}</text>
  </g>`;
}

/** Lane header: name, then the addresses (the NAT's inside | public), with a translated tooltip. */
export function renderLaneHeader(b: LaneBox, labels: LadderLabels): SVGTemplateResult {
  const l = b.lane;
  const role = (labels as Record<string, string>)[`role.${l.role}`] ?? l.role;
  const tip = l.role === 'NAT' && l.addresses.length > 1
    ? fill(labels.natLane, l.name, l.addresses[0], l.addresses[1])
    : fill(labels.lane, l.name, role, l.addresses.join(', '));
  return svg`<g class="lane-head role-${l.role}"><title>${tip}</title>
    <text class="lane-name" x=${b.x} y="18" text-anchor="middle">${l.name}</text>
    ${b.lines.map(
      (line, i) => svg`<text class="lane-address" x=${b.x} y=${33 + i * 13} text-anchor="middle">${line}</text>`,
    )}
  </g>`;
}
