/** Typed events of `<vl-timeline>`, declared in the global maps like the ladder's. */
import type { VlTimeline } from './vl-timeline.js';

export interface TimelineSelectDetail {
  /** The step nearest to the clicked time (or the lifecycle event reached with ←/→). */
  step: number;
}

export type TimelineSelectEvent = CustomEvent<TimelineSelectDetail>;

export function timelineSelect(step: number): TimelineSelectEvent {
  return new CustomEvent<TimelineSelectDetail>('timeline-select', {
    detail: { step },
    bubbles: true,
    composed: true,
  });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'timeline-select': TimelineSelectEvent;
  }

  interface HTMLElementTagNameMap {
    'vl-timeline': VlTimeline;
  }
}
