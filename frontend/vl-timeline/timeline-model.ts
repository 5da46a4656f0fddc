/**
 * The timeline model as Flow sends it: the JSON form of `dev.vialab.lab.TimelineModel`. Times are virtual
 * microseconds; steps are trace step indexes.
 */
export type RowKind = 'NAT_MAPPING' | 'KEEPALIVE' | 'BINDING';
export type End = 'EXPIRED' | 'CLOSED' | 'REMOVED' | 'REPLACED' | 'OPEN';

/** One lifetime: a NAT mapping, a keep-alive target, a binding as one server saw it. */
export interface Bar {
  start: number;
  /** `endTime` of the run when still alive (`ended === 'OPEN'`). */
  end: number;
  ended: End;
  label: string;
  /** The lane it is about (remote, server, keep-alive destination); picks the colour. */
  target: string;
  startStep: number;
  endStep: number;
}

export interface TimelineRow {
  id: string;
  kind: RowKind;
  /** Short; for a keep-alive row the phone's name (worded by the `keepalive` label). */
  label: string;
  detail: string;
  bars: Bar[];
}

export interface TimelineMark {
  name: string;
  time: number;
  step: number;
}

export interface TimelineModel {
  endTime: number;
  rows: TimelineRow[];
  targets: string[];
  marks: TimelineMark[];
  /** Time of every step by index: for the cursor and for the nearest step to a click. */
  stepTimes: number[];
}
