package dev.vialab.bench;

import com.vaadin.flow.internal.JacksonUtils;
import dev.vialab.bench.BenchSetups.NatKind;
import dev.vialab.bench.BenchSetups.Topology;
import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.LadderMapper;
import dev.vialab.lab.TimelineMapper;

/**
 * The retained heap of the views' JSON models per trace step, which sizes the web app's view-model cache by steps
 * (the lab's {@code ViewModels}): a run of N phones × M minutes, then the used heap after full collections before
 * and after making the ladder's (English and Chinese) and the timeline's JSON trees and keeping them.
 *
 * <p>Arguments: phones minutes, e.g. {@code 50 10}.
 */
public final class ViewModelFootprint {
    private ViewModelFootprint() {}

    public static void main(String[] args) {
        int phones = Integer.parseInt(args[0]);
        int minutes = Integer.parseInt(args[1]);
        Trace trace = Emulator.run(
                BenchSetups.many(phones, Topology.ONE_NAT, NatKind.APDM_RANDOM, minutes * 60 * Time.S));
        long before = Heap.usedAfterGc();
        Object en = JacksonUtils.beanToJson(LadderMapper.from(trace, Explainer.english()));
        long afterEn = Heap.usedAfterGc();
        Object zh = JacksonUtils.beanToJson(LadderMapper.from(trace, Explainer.of(Explainer.ZH_CN)));
        long afterZh = Heap.usedAfterGc();
        Object timeline = JacksonUtils.beanToJson(TimelineMapper.from(trace));
        long afterTimeline = Heap.usedAfterGc();
        int steps = trace.size();
        System.out.printf("%d phones × %d min: %d steps; JSON per step: ladder en %d B, ladder zh-CN %d B,"
                + " timeline %d B%n", phones, minutes, steps, (afterEn - before) / steps, (afterZh - afterEn) / steps,
                (afterTimeline - afterZh) / steps);
        // the trees must still be reachable at the last measurement
        java.lang.ref.Reference.reachabilityFence(en);
        java.lang.ref.Reference.reachabilityFence(zh);
        java.lang.ref.Reference.reachabilityFence(timeline);
        java.lang.ref.Reference.reachabilityFence(trace);
    }
}
