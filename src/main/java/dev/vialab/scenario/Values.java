package dev.vialab.scenario;

import dev.vialab.emulator.packet.Ip;
import dev.vialab.emulator.packet.Time;
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
        // exact decimal arithmetic in longs, not BigDecimal: its static initialiser computes 5^65536 (JDK 25),
        // which cost a cold CLI run ~10 ms for the seed's few durations
        String number = m.group(2);
        int dot = number.indexOf('.');
        String whole = stripLeading(dot < 0 ? number : number.substring(0, dot), '0');
        String fraction = dot < 0 ? "" : stripTrailing(number.substring(dot + 1), '0');
        long units = whole.length() > 18 ? Long.MAX_VALUE : whole.isEmpty() ? 0 : Long.parseLong(whole);
        if (units > MAX_DURATION / scale || fractionExceeds(fraction, MAX_DURATION - units * scale, scale)) {
            pr.add(n.pos(), path, "must be at most 7 days (604800s), found " + s);
            return null;
        }
        // 0.FRACTION × scale is whole only if 10^length divides FRACTION × scale; FRACTION ends in a non-zero
        // digit, so that needs length <= the powers of 2 or of 5 in scale, at most 10 (an hour is 2^10·3^2·5^8 µs)
        long part = fraction.isEmpty() ? 0 : fractionMicros(fraction, scale);
        if (part < 0) {
            pr.add(n.pos(), path, "finer than a microsecond: " + s);
            return null;
        }
        return units * scale + part;
    }

    /** 0.FRACTION × scale in whole microseconds, or -1 when it is not whole. */
    private static long fractionMicros(String fraction, long scale) {
        if (fraction.length() > 10) {
            return -1;
        }
        long ten = 1;
        for (int i = 0; i < fraction.length(); i++) {
            ten *= 10;
        }
        long g = gcd(scale, ten);
        long f = Long.parseLong(fraction);
        return f % (ten / g) != 0 ? -1 : f / (ten / g) * (scale / g);
    }

    /** Whether 0.FRACTION × scale > rest: FRACTION against the digits of rest / scale, by long division. */
    private static boolean fractionExceeds(String fraction, long rest, long scale) {
        if (rest >= scale) {
            return false; // 0.FRACTION < 1
        }
        long r = rest;
        for (int i = 0; i < fraction.length(); i++) {
            r *= 10;
            long digit = r / scale;
            r %= scale;
            if (fraction.charAt(i) - '0' != digit) {
                return fraction.charAt(i) - '0' > digit;
            }
        }
        return false; // equal digits so far: not more than rest / scale
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String stripLeading(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s, char c) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) == c) {
            i--;
        }
        return s.substring(0, i);
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
        long abs = Math.abs(micros); // durations are never negative; the sign is kept all the same
        String fraction = Long.toString(abs % Time.S + Time.S).substring(1); // six digits, zero-padded
        return (micros < 0 ? "-" : "") + abs / Time.S + "." + stripTrailing(fraction, '0') + "s";
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
