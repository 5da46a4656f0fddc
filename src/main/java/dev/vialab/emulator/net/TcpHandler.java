package dev.vialab.emulator.net;

/** What a host does with one TCP connection's events. */
public interface TcpHandler {
    default void connected(TcpConnection c) {}

    /** The peer answered our SYN with RST (connection refused). */
    default void refused(TcpConnection c) {}

    /** No answer to our SYNs within the OS connect timeout. */
    default void timedOut(TcpConnection c) {}

    /** One segment of data (the emulator sends one SIP message per segment). Must record the delivery. */
    void data(TcpConnection c, Delivery d, byte[] payload);

    default void closed(TcpConnection c, boolean reset) {}
}
