/**
 * Typed events of `<sip-ladder>`. Declaring them in the global maps gives `addEventListener('ladder-select', e =>
 * e.detail.step)` its types without casts.
 */
import type { SipLadder } from './sip-ladder.js';

export interface LadderSelectDetail {
  /** The trace step index the learner picked. */
  step: number;
}

export type LadderSelectEvent = CustomEvent<LadderSelectDetail>;

export function ladderSelect(step: number): LadderSelectEvent {
  // composed: the event leaves the shadow root so Flow's listener on the host element hears it
  return new CustomEvent<LadderSelectDetail>('ladder-select', { detail: { step }, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ladder-select': LadderSelectEvent;
  }

  interface HTMLElementTagNameMap {
    'sip-ladder': SipLadder;
  }
}
