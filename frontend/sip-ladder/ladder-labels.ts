/**
 * The ladder's own UI words. Java passes translated ones through the `labels` property (any subset); these
 * English defaults fill the rest, so the element never shows a missing key. `{0}`, `{1}` … are arguments.
 */
export const DEFAULT_LABELS = {
  /** aria-label of the whole ladder. */
  ladder: 'Message ladder: one lane per device, time runs down',
  /** Header of the time column. */
  time: 'time (s)',
  /** Written next to a dropped packet's ✕. */
  dropped: 'dropped',
  /** A compressed idle gap; {0} = seconds skipped. */
  idle: '+{0} s',
  /** aria-label of an arrow row: {0} time, {1} label, {2} from, {3} to, {4} detail. */
  arrow: '{0} s: {1} from {2} to {3}. {4}',
  /** Appended to an arrow's aria-label when it was dropped: {0} lane, {1} reason. */
  droppedAt: 'Dropped at {0}: {1}',
  /** Appended to an arrow's aria-label when it is a retransmission. */
  retransmission: 'Retransmission.',
  /** aria-label of a note row: {0} time, {1} lane, {2} text. */
  note: '{0} s, {1}: {2}',
  /** Tooltip of a lane header: {0} name, {1} role, {2} addresses. */
  lane: '{0} ({1}): {2}',
  /** Tooltip of the NAT lane header: {0} name, {1} inside address, {2} public address. */
  natLane: '{0} (NAT): inside {1}, public {2}. Packets that cross it bend here and show the rewrite.',
  /** Tooltip of a rewrite mark: {0} the change. */
  rewrite: 'The NAT rewrites {0}',
  'role.PHONE': 'phone',
  'role.NAT': 'NAT',
  'role.REGISTRAR': 'registrar',
  'role.DNS': 'DNS server',
  'role.CALLER': 'caller',
  /** Shown when nothing is drawn (no model, or every row filtered out). */
  empty: 'Nothing to show',
};

export type LadderLabels = typeof DEFAULT_LABELS;
