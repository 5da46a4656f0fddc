package dev.vialab.emulator.setup;

import dev.vialab.emulator.packet.Ip;

/** Something that happens to a phone at a given time. */
public sealed interface Action {
    long at();

    String phone();

    /** The phone quits: pjsua un-REGISTERs on the current regc and stops (R38). */
    record Quit(long at, String phone) implements Action {}

    /** The account is added again after a quit: a new regc, a new REGISTER. */
    record Start(long at, String phone) implements Action {}

    /** {@code pjsua_acc_set_registration(acc, PJ_TRUE)}: a REGISTER on the current regc now (pjsua's {@code rr}). */
    record Reregister(long at, String phone) implements Action {}

    /**
     * The application moves the account's proxy to {@code proxy} with {@code pjsua_acc_modify()}: un-REGISTER
     * through the old route, then REGISTER through the new one (R26, G9).
     */
    record SwitchProxy(long at, String phone, Ip proxy) implements Action {}
}
