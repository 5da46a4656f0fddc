package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one node as a typed value. On a wrong value each method records a problem and returns null, so the
 * caller can carry on with a default and report everything in one pass.
 */
final class Values {
    /** Seven days: the longest run, and the cap on every duration (keeps microsecond sums far from overflow). */
    static final long MAX_DURATION = 7 * 24 * 3600 * Time.S;

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DURATION = Pattern.compile("(-)?([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9_]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private Values() {}

    /** Any scalar, as written: {@code user: 1001} is the string "1001". */
    static String string(Problems pr, Node n, String path) {
        if (n instanceof Node.Scalar s && !s.isNull()) {
            return s.text();
        }
        pr.add(n.pos(), path, "expected a string, found " + Node.describe(n));
        return null;
    }

    /** A node, host or mark name: what traces and references use, so no spaces or punctuation. */
    static String name(Problems pr, Node n, String path) {
        String s = string(pr, n, path);
        if (s != null && !NAME.matcher(s).matches()) {
            pr.add(n.pos(), path, "'" + s + "' is not a name: up to 63 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
            return null;
        }
        if (s != null && Ip.isValid(s)) {
            // wherever a registrar's name may stand for its address, an address-like name would be ambiguous
            pr.add(n.pos(), path, "'" + s + "' is an IPv4 address, not a name");
            return null;
        }
        return s;
    }

    static String hostname(Problems pr, Node n, String path) {
        String s = string(pr, n, path);
        if (s != null && !HOST.matcher(s).matches()) {
            pr.add(n.pos(), path, "'" + s + "' is not a host name like sip.example.com");
            return null;
        }
        return s;
    }

    static Long integer(Problems pr, Node n, String path, long min, long max) {
        String s = string(pr, n, path);
        if (s == null) {
            return null;
        }
        if (!INTEGER.matcher(s).matches()) {
            pr.add(n.pos(), path, "expected a whole number, found '" + s + "'");
            return null;
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        if (v.compareTo(BigInteger.valueOf(min)) < 0) {
            pr.add(n.pos(), path, "must be at least " + min + ", found " + s);
            return null;
        }
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            pr.add(n.pos(), path, "must be at most " + max + ", found " + s);
            return null;
        }
        return v.longValue();
    }

    static Integer port(Problems pr, Node n, String path) {
        String s = string(pr, n, path);
        if (s == null) {
            return null;
        }
        if (!INTEGER.matcher(s).matches()) {
            pr.add(n.pos(), path, "expected a port number, found '" + s + "'");
            return null;
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        if (v.signum() <= 0 || v.compareTo(BigInteger.valueOf(65535)) > 0) {
            pr.add(n.pos(), path, "a port is between 1 and 65535, found " + s);
            return null;
        }
        return v.intValue();
    }

    /** {@code 295s}, {@code 500ms}, {@code 2m}, {@code 1h}, or a bare number of seconds; whole microseconds. */
    static Long duration(Problems pr, Node n, String path) {
        String s = string(pr, n, path);
        if (s == null) {
            return null;
        }
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            pr.add(n.pos(), path, "expected a duration like 295s, 500ms, 2m, 1h or a number of seconds, found '"
                    + s + "'");
            return null;
        }
        if (m.group(1) != null) {
            pr.add(n.pos(), path, "must not be negative, found " + s);
            return null;
        }
        String unit = m.group(3) == null ? "s" : m.group(3);
        long scale = switch (unit) {
            case "ms" -> Time.MS;
            case "m" -> 60 * Time.S;
            case "h" -> 3600 * Time.S;
            default -> Time.S;
        };
        BigDecimal micros = new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(scale));
        if (micros.compareTo(BigDecimal.valueOf(MAX_DURATION)) > 0) {
            pr.add(n.pos(), path, "must be at most 7 days (604800s), found " + s);
            return null;
        }
        if (micros.stripTrailingZeros().scale() > 0) {
            pr.add(n.pos(), path, "finer than a microsecond: " + s);
            return null;
        }
        return micros.longValueExact();
    }

    static Boolean bool(Problems pr, Node n, String path) {
        String s = string(pr, n, path);
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> {
                pr.add(n.pos(), path, "expected true or false, found '" + s + "'");
                yield null;
            }
        };
    }

    static Ip ip(Problems pr, Node n, String path) {
        String s = string(pr, n, path);
        if (s == null) {
            return null;
        }
        if (!s.equals(s.strip()) || !Ip.isValid(s)) {
            pr.add(n.pos(), path, "'" + s + "' is not an IPv4 address");
            return null;
        }
        return Ip.parse(s);
    }

    /** One of a fixed set of words; the message lists them all, in the documented order. */
    static <T> T word(Problems pr, Node n, String path, SequencedMap<String, T> words) {
        String s = string(pr, n, path);
        if (s == null) {
            return null;
        }
        T v = words.get(s);
        if (v == null) {
            pr.add(n.pos(), path, "'" + s + "' is not one of: " + String.join(", ", words.keySet()));
        }
        return v;
    }

    static Node.Seq seq(Problems pr, Node n, String path) {
        if (n instanceof Node.Seq s) {
            return s;
        }
        pr.add(n.pos(), path, "expected a list, found " + Node.describe(n));
        return null;
    }

    /**
     * Checks a list's length against a limit of the rules ("at most 50 registrars"). Callers skip the items of
     * an overlong list where checking them costs more than linear time: the limit is the problem to fix.
     */
    static boolean atMost(Problems pr, Node.Seq s, String path, int max, String what) {
        if (s.items().size() > max) {
            pr.add(s.pos(), path, "at most " + max + " " + what + ", found " + s.items().size());
            return false;
        }
        return true;
    }

    /** A duration as a file writes it: {@code 295s}, {@code 500ms}, {@code 0.0015s}; reads back exactly. */
    static String show(long micros) {
        if (micros % Time.S == 0) {
            return micros / Time.S + "s";
        }
        if (micros % Time.MS == 0) {
            return micros / Time.MS + "ms";
        }
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString() + "s";
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
