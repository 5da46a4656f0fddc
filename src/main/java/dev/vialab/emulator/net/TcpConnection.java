package dev.vialab.emulator.net;

import dev.vialab.emulator.packet.Endpoint;

/** One TCP connection of a host; its sequence numbers make a capture reassemble correctly. */
public final class TcpConnection {
    public enum State { SYN_SENT, SYN_RCVD, ESTABLISHED, CLOSED }

    final Endpoint local;
    final Endpoint remote;
    State state;
    long sndNxt;
    long rcvNxt;
    TcpHandler handler;
    Scheduler.Timer synTimer;
    long lastActivity;
    final boolean outgoing;

    TcpConnection(Endpoint local, Endpoint remote, boolean outgoing, long isn) {
        this.local = local;
        this.remote = remote;
        this.outgoing = outgoing;
        this.sndNxt = isn;
    }

    public Endpoint local() {
        return local;
    }

    public Endpoint remote() {
        return remote;
    }

    public State state() {
        return state;
    }

    public boolean isOpen() {
        return state == State.ESTABLISHED;
    }

    public boolean isOutgoing() {
        return outgoing;
    }

    public long lastActivity() {
        return lastActivity;
    }

    String key() {
        return local + "|" + remote;
    }
}
