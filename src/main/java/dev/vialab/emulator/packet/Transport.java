package dev.vialab.emulator.packet;

/** The transport a SIP message or a NAT mapping uses. */
public enum Transport {
    UDP, TCP;

    /** The name as pjsua writes it in Contact {@code ;transport=} and Via (upper case, rule R20). */
    public String sipName() {
        return name();
    }
}
