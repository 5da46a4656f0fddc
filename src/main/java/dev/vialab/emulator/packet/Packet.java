package dev.vialab.emulator.packet;

import java.nio.charset.StandardCharsets;

/**
 * One IP packet as it travels on one link. The payload is the real wire form (SIP text, DNS wire bytes, a
 * keep-alive CRLF); the NAT rewrites addresses by producing a new packet, never by mutating one.
 *
 * <p>Code that dispatches on the kind of packet uses {@code instanceof}, not a pattern {@code switch}: each type
 * switch links a {@code SwitchBootstraps.typeSwitch} call site on first use, and JDK 25 generates a class for it;
 * the eleven on the CLI's path were ~5 % of a cold {@code run} (child JVM, seed scenario: 0.220 → 0.210 s). The
 * chains end in the last kind without testing it; {@code SealedVariantsTest} pins the kinds, so a new one sends
 * its author to them ({@code Host.receive}, {@code NatBox.outbound}/{@code inbound}, {@code StepLog.why},
 * {@code TextLadder}).
 */
public sealed interface Packet permits Packet.Udp, Packet.Tcp, Packet.Icmp {

    Ip srcIp();

    Ip dstIp();

    byte[] payload();

    /** A copy with new addresses (what a NAT sends on the other side). */
    Packet withAddresses(Endpoint src, Endpoint dst);

    default String text() {
        return new String(payload(), StandardCharsets.UTF_8);
    }

    record Udp(Endpoint src, Endpoint dst, byte[] payload) implements Packet {
        @Override
        public Ip srcIp() {
            return src.ip();
        }

        @Override
        public Ip dstIp() {
            return dst.ip();
        }

        @Override
        public Packet withAddresses(Endpoint s, Endpoint d) {
            return new Udp(s, d, payload);
        }
    }

    /**
     * A TCP segment. Sequence numbers are tracked per connection so a capture reassembles; pure ACKs of data are
     * not emulated (they change nothing a learner looks at).
     */
    record Tcp(Endpoint src, Endpoint dst, int flags, long seq, long ack, byte[] payload) implements Packet {
        public static final int FIN = 0x01;
        public static final int SYN = 0x02;
        public static final int RST = 0x04;
        public static final int PSH = 0x08;
        public static final int ACK = 0x10;

        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        public String flagNames() {
            StringBuilder b = new StringBuilder();
            if (has(SYN)) b.append("SYN,");
            if (has(FIN)) b.append("FIN,");
            if (has(RST)) b.append("RST,");
            if (has(PSH)) b.append("PSH,");
            if (has(ACK)) b.append("ACK,");
            return b.isEmpty() ? "" : b.substring(0, b.length() - 1);
        }

        @Override
        public Ip srcIp() {
            return src.ip();
        }

        @Override
        public Ip dstIp() {
            return dst.ip();
        }

        @Override
        public Packet withAddresses(Endpoint s, Endpoint d) {
            return new Tcp(s, d, flags, seq, ack, payload);
        }
    }

    /**
     * ICMP destination unreachable (type 3) / port unreachable (code 3), quoting the UDP datagram that caused it
     * (RFC 792). The NAT translates the quoted header too (RFC 5508 §4.2).
     */
    record Icmp(Ip srcIp, Ip dstIp, int type, int code, Udp quoted) implements Packet {
        @Override
        public byte[] payload() {
            return new byte[0];
        }

        @Override
        public Packet withAddresses(Endpoint s, Endpoint d) {
            return new Icmp(s.ip(), d.ip(), type, code, quoted);
        }

        /** Replaces the quoted datagram's addresses, as a NAT does for an inbound ICMP error. */
        public Icmp withQuoted(Udp q) {
            return new Icmp(srcIp, dstIp, type, code, q);
        }
    }
}
