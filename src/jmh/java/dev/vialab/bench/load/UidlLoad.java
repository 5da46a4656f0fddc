package dev.vialab.bench.load;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many learners on the bench at once, over Vaadin's own protocol (see {@link UidlSession}). Each session opens the
 * seed scenario, then, after an exponentially distributed think time, either steps (forward; back one time in four;
 * from the first step again at the end) or edits a knob (Allow IP rewrite or the transport, in turn), which re-runs
 * the emulation and re-renders the bench. Prints the round trip of each kind of action: p50/p95/p99/max over all
 * sessions, plus response sizes and errors. Loopback only, so a round trip is the server's time plus queueing.
 *
 * <p>Arguments: base URL, sessions, seconds, mean think time in ms, share of knob edits (0–1), then options:
 * {@code distinct} gives every session its own seed, so no two sessions share a run and every knob edit is a
 * fresh emulation (the server caches runs by scenario, overrides and seed); {@code open-only} only opens the
 * bench (one step each) and exits, leaving the sessions on the server: bench/load.sh measures the heap that way.
 */
public final class UidlLoad {
    private UidlLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int sessions = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        double think = Double.parseDouble(args[3]);
        double knobShare = Double.parseDouble(args[4]);
        List<String> options = List.of(args).subList(5, args.length);
        boolean openOnly = options.contains("open-only");
        boolean distinct = options.contains("distinct");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        Map<String, List<Long>> bytes = new ConcurrentHashMap<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(sessions);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < sessions; i++) {
                int id = i;
                pool.submit(() -> {
                    Random rnd = new Random(id);
                    UidlSession s = new UidlSession(http, base, "bench/seed-t1-t2",
                            distinct ? "seed=" + (1000 + id) : "");
                    try {
                        Thread.sleep(rnd.nextInt(2000)); // do not open them all in the same millisecond
                        long t0 = System.nanoTime();
                        s.open();
                        record(times, "open", System.nanoTime() - t0);
                        s.click("step-forward", "step");
                        opened.incrementAndGet();
                    } catch (Exception e) {
                        errors.add("open: " + e);
                        return null;
                    } finally {
                        ready.countDown();
                    }
                    if (openOnly) {
                        return null;
                    }
                    ready.await();
                    int steps = 1;
                    boolean rewrite = false;
                    boolean tcp = false;
                    int knob = 0;
                    while (System.nanoTime() < deadline) {
                        Thread.sleep((long) (-Math.log(1 - rnd.nextDouble()) * think));
                        try {
                            if (rnd.nextDouble() < knobShare) {
                                long t = (knob++ % 2 == 0)
                                        ? s.change("knob-phone-rewrite", "checked", rewrite = !rewrite, "knob")
                                        // Select items' client keys are 1-based positions: udp 1, tcp 2
                                        : s.change("knob-phone-transport", "value", (tcp = !tcp) ? "2" : "1", "knob");
                                record(times, "knob", t);
                                record(bytes, "knob", s.lastResponseBytes());
                            } else {
                                String button = steps % 4 == 3 ? "step-back" : steps % 160 == 0 ? "step-first"
                                        : "step-forward";
                                steps++;
                                record(times, "step", s.click(button, "step"));
                                record(bytes, "step", s.lastResponseBytes());
                            }
                        } catch (Exception e) {
                            errors.add(e.toString());
                        }
                    }
                    return null;
                });
            }
        }
        System.out.printf("sessions %d opened, %d errors%s%n", opened.get(), errors.size(),
                errors.isEmpty() ? "" : " (first: " + errors.getFirst() + ")");
        TreeMap<String, List<Long>> sorted = new TreeMap<>(times);
        for (var e : sorted.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            List<Long> b = bytes.getOrDefault(e.getKey(), List.of());
            System.out.printf("%-5s n=%6d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%s%n", e.getKey(),
                    v.length, ms(pct(v, 50)), ms(pct(v, 95)), ms(pct(v, 99)), ms(v[v.length - 1]),
                    b.isEmpty() ? "" : String.format("  response median %.1f KB",
                            pct(b.stream().mapToLong(Long::longValue).sorted().toArray(), 50) / 1024.0));
        }
        if (!openOnly) {
            long actions = sorted.entrySet().stream().filter(e -> !e.getKey().equals("open"))
                    .mapToLong(e -> e.getValue().size()).sum();
            System.out.printf("throughput %.1f actions/s over %d s%n", actions / (double) seconds, seconds);
        }
        if (!errors.isEmpty()) {
            System.exit(1);
        }
    }

    private static void record(Map<String, List<Long>> m, String key, long value) {
        m.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>())).add(value);
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
