package dev.vialab.emulator.trace;

import dev.vialab.emulator.packet.Time;
import java.util.Arrays;
import java.util.List;

/**
 * Why a step happened: a message key the UI translates, its arguments, and the rule it follows ({@code R13},
 * {@code RFC 4787 §4.1}, or empty). Arguments are kept as given and turned into text only when read — most
 * steps of a long run are never read, and formatting addresses eagerly was a measurable part of a run.
 *
 * <p>Up to four arguments sit in fields of their own, more in an array. Why: almost every step has an
 * explanation, nearly all with four arguments or fewer (a NAT forward has exactly four), and an argument array
 * per step was one in seven of the objects a long trace holds.
 */
public final class Why {
    /** Marks an argument slot that holds nothing (an argument itself may be null, printed as {@code null}). */
    private static final Object NONE = new Object();
    private static final Object[] NO_MORE = {};

    private final String key;
    private final String rule;
    private final Object a0;
    private final Object a1;
    private final Object a2;
    private final Object a3;
    private final Object[] more;

    private Why(String key, String rule, Object[] args) {
        this.key = key;
        this.rule = rule;
        int n = args.length;
        this.a0 = n > 0 ? args[0] : NONE;
        this.a1 = n > 1 ? args[1] : NONE;
        this.a2 = n > 2 ? args[2] : NONE;
        this.a3 = n > 3 ? args[3] : NONE;
        this.more = n > 4 ? Arrays.copyOfRange(args, 4, n) : NO_MORE;
    }

    public static Why of(String key, String rule, Object... args) {
        return new Why(key, rule, args);
    }

    /**
     * An argument that stands for the time of the step the explanation is recorded at, plus {@code delay}, written
     * as {@link Time#format}. Why: a NAT forward says when its mapping now expires, which is the packet's time plus
     * the UDP timeout; with this marker one explanation serves every keep-alive of a mapping, and the step log puts
     * the time in when a step is read ({@link #at}).
     */
    public record StepTimePlus(long delay) {}

    /**
     * An argument that stands for the source address of the packet the step carries (the step's hop). Why: a
     * registrar hears a keep-alive from every phone's NAT mapping every 12–15 s; with this marker one explanation
     * serves them all, where one per source meant a table lookup, a cold cache line, on every keep-alive.
     */
    public enum StepSource { PACKET }

    /** This explanation as recorded at {@code time}: each {@link StepTimePlus} becomes that moment; else itself. */
    public Why at(long time) {
        return at(time, null);
    }

    /**
     * This explanation as recorded at {@code time} for a step whose packet came from {@code source}: each
     * {@link StepTimePlus} becomes that moment, {@link StepSource} that address; else itself.
     */
    public Why at(long time, Object source) {
        int n = size();
        boolean bound = false;
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) {
            Object a = raw(i);
            if (a instanceof StepTimePlus p) {
                a = new Time.Stamp(time + p.delay());
                bound = true;
            } else if (a == StepSource.PACKET) {
                a = source;
                bound = true;
            }
            args[i] = a;
        }
        return bound ? new Why(key, rule, args) : this;
    }

    /** Whether {@link #at} would change it: some argument is a {@link StepTimePlus} or a {@link StepSource}. */
    boolean isStepBound() {
        if (isMarker(a0) || isMarker(a1) || isMarker(a2) || isMarker(a3)) {
            return true;
        }
        for (Object a : more) {
            if (isMarker(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMarker(Object a) {
        return a instanceof StepTimePlus || a == StepSource.PACKET;
    }

    public String key() {
        return key;
    }

    public String rule() {
        return rule;
    }

    /** How many arguments there are. */
    public int size() {
        return a0 == NONE ? 0 : a1 == NONE ? 1 : a2 == NONE ? 2 : a3 == NONE ? 3 : 4 + more.length;
    }

    /** The arguments as text, formatted on each call. */
    public List<String> args() {
        String[] text = new String[size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = String.valueOf(raw(i));
        }
        return List.of(text);
    }

    /** Argument {@code i} as text, or empty when there is none. */
    public String arg(int i) {
        return i < size() ? String.valueOf(raw(i)) : "";
    }

    private Object raw(int i) {
        return switch (i) {
            case 0 -> a0;
            case 1 -> a1;
            case 2 -> a2;
            case 3 -> a3;
            default -> more[i - 4];
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Why w && key.equals(w.key) && rule.equals(w.rule) && args().equals(w.args());
    }

    @Override
    public int hashCode() {
        return (key.hashCode() * 31 + rule.hashCode()) * 31 + args().hashCode();
    }

    @Override
    public String toString() {
        return "Why[key=" + key + ", rule=" + rule + ", args=" + args() + "]";
    }
}
