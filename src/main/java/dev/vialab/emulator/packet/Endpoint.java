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
