/**
 * The ladder model as Flow sends it: the JSON form of the Java records in `dev.vialab.lab.LadderModel`
 * (Jackson keeps the record component names and order). Times are virtual microseconds; a step is a trace
 * step index. Keep both sides in step: `LadderModelJsonTest` pins the Java side's field names.
 */
export type Role = 'PHONE' | 'NAT' | 'REGISTRAR' | 'DNS' | 'CALLER';
export type Category = 'SIP' | 'DNS' | 'KEEPALIVE' | 'TCP' | 'ICMP';
export type Kind =
  | 'PACKET'
  | 'FORWARD'
  | 'DROP'
  | 'NAT_MAPPING'
  | 'DNS'
  | 'REGISTRATION'
  | 'TRANSACTION'
  | 'BINDING'
  | 'CALL';

/** One device. A NAT's addresses are inside first, then public. */
export interface Lane {
  name: string;
  role: Role;
  addresses: string[];
}

/** One link of a flight; `from === to` means the packet never left its sender. */
export interface Hop {
  from: string;
  to: string;
  sentAt: number;
  arriveAt: number;
  step: number;
  src: string;
  dst: string;
}

export interface Drop {
  lane: string;
  time: number;
  step: number;
  /** Already in the learner's language. */
  reason: string;
}

/** One packet's journey: two hops when it crosses a NAT. */
export interface Arrow {
  flight: number;
  label: string;
  detail: string;
  category: Category;
  retransmission: boolean;
  sentAt: number;
  hops: Hop[];
  dropped: Drop | null;
  firstStep: number;
  lastStep: number;
}

/** A step without a packet (NAT mapping, binding, DNS decision, registration, call, transaction). */
export interface Note {
  step: number;
  time: number;
  lane: string;
  kind: Kind;
  text: string;
  rule: string;
}

export interface Mark {
  name: string;
  time: number;
  step: number;
}

export interface LadderModel {
  lanes: Lane[];
  arrows: Arrow[];
  notes: Note[];
  marks: Mark[];
  endTime: number;
  steps: number;
}

/** What is drawn: `false` hides that kind of row. */
export interface LadderFilters {
  keepalive: boolean;
  retransmissions: boolean;
  dns: boolean;
  tcp: boolean;
  notes: boolean;
}

export const ALL_SHOWN: LadderFilters = {
  keepalive: true,
  retransmissions: true,
  dns: true,
  tcp: true,
  notes: true,
};

/** Formats virtual microseconds as seconds with milliseconds, like the Java `Time.format`. */
export function formatTime(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const s = Math.floor(ms / 1000);
  return `${s}.${String(ms - s * 1000).padStart(3, '0')}`;
}

/** `{0}`-style substitution, as the Java Explainer does it: plain text, no number formatting. */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}
