package dev.vialab.emulator.packet;

/** An IPv4 address and a port: one side of a UDP flow or TCP connection. */
public record Endpoint(Ip ip, int port) implements Comparable<Endpoint> {

    public Endpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static Endpoint of(String ip, int port) {
        return new Endpoint(Ip.parse(ip), port);
    }

    /** Parses {@code a.b.c.d:port}. */
    public static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected address:port, got " + text);
        }
        return new Endpoint(Ip.parse(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
    }

    /** The address and port as one number (48 bits): a key for the emulator's lookup tables. */
    public long asLong() {
        return ip.asLong() << 16 | port;
    }

    // equals and hashCode written out: the generated ones go through an invokedynamic bootstrap that the JIT did
    // not always inline, and the NAT compares endpoints for every packet (17 % of a 1000-phone run's samples)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Endpoint e && port == e.port && ip.bits() == e.ip.bits();
    }

    @Override
    public int hashCode() {
        return ip.bits() * 31 + port;
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = ip.compareTo(o.ip);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
