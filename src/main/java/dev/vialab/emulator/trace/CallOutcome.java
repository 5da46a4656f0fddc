package dev.vialab.emulator.trace;

import java.util.List;

/**
 * How a call ended, with the chain of causes a learner can follow step by step.
 *
 * @param call the call's name from the scenario
 * @param result delivered (the phone answered), lost (the INVITE never reached the phone), rejected (the
 *     server had no binding or refused), failed (anything else, e.g. the answer never reached the caller)
 * @param step the step that decided it
 * @param summary the decisive explanation
 * @param chain causes, most immediate first; each points at a step
 */
public record CallOutcome(String call, Result result, int step, Why summary, List<Link> chain) {
    public enum Result { DELIVERED, LOST, REJECTED, FAILED, PENDING }

    public record Link(int step, Why why) {}

    public CallOutcome {
        chain = List.copyOf(chain);
    }
}
