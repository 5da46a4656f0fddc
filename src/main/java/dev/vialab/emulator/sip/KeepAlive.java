package dev.vialab.emulator.sip;

import dev.vialab.emulator.net.Rng;
import dev.vialab.emulator.net.Scheduler;
import dev.vialab.emulator.net.UdpRepeater;
import dev.vialab.emulator.net.UdpSocket;
import dev.vialab.emulator.packet.Endpoint;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Why;
import java.nio.charset.StandardCharsets;

/**
 * The UDP keep-alive of one account (R13): pjsua_acc.c's keep-alive timer ({@code keep_alive_timer_cb}) sends
 * {@code "\r\n"} every {@code ka_interval} seconds, with pjsua's jitter (80–100 % of the interval), to the
 * destination of the last successful REGISTER (not the response's source, pjsip #1607), until the registration
 * fails, ends or moves.
 *
 * <p>Why an object of its own, holding everything a keep-alive reads (scheduler, jitter stream, the datagram and
 * what sending it reads, target, explanation) rather than reaching through the account, the phone, its host and
 * its socket: keep-alives are most of a long run's events, and with a thousand phones each phone is cold when its
 * keep-alive is due; every other object reached is one more cache miss, often on a page of its own (bench/README).
 * It is also the timer's action, so the timer leads straight here.
 */
final class KeepAlive extends UdpRepeater implements Runnable, Scheduler.Warm {
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Scheduler scheduler;
    /** The phone's keep-alive jitter stream: a restarted account goes on with the same stream. */
    private final Rng jitter;
    /** {@code ka_interval}, seconds. */
    private final int interval;
    private Scheduler.Timer timer;
    /**
     * The other of the two timers this object alternates: a restart (every successful registration, as pjsua's
     * {@code update_keep_alive} cancels and schedules anew) leaves the cancelled one queued until its time. Both
     * are made with this object, so a long run's keep-alives touch no timer allocated later, elsewhere.
     */
    private Scheduler.Timer spare;
    private Endpoint target;
    /** The explanation of the keep-alives to {@link #whyTarget}: one per target, shared by its keep-alives. */
    private Endpoint whyTarget;
    private Why why;

    KeepAlive(Scheduler scheduler, Rng jitter, int interval) {
        this.scheduler = scheduler;
        this.jitter = jitter;
        this.interval = interval;
        this.timer = scheduler.idle(this); // made here, beside this object (see Scheduler.idle)
        this.spare = scheduler.idle(this);
    }

    /** Where keep-alives go, or null when none are sent. */
    Endpoint target() {
        return target;
    }

    /** Starts (or restarts) keep-alives to {@code dest} through {@code via}: the first one after a full delay. */
    void start(Endpoint dest, UdpSocket via) {
        stop();
        target = dest;
        aim(via, dest, CRLF);
        schedule();
    }

    void stop() {
        timer.cancel();
        target = null;
    }

    @Override
    public long warm() {
        return warmDatagram() + jitter.warm();
    }

    /** A keep-alive is due: send it and schedule the next. */
    @Override
    public void run() {
        if (!target.equals(whyTarget)) {
            whyTarget = target;
            why = Why.of("phone.ka", "R13", target);
        }
        repeat("keep-alive", Category.KEEPALIVE, why);
        schedule();
    }

    private void schedule() {
        int k = interval;
        int lower = (int) (0.8 * k);
        int delay = k > lower ? lower + jitter.nextInt(k - lower) : k;
        long at = scheduler.now() + delay * Time.S;
        // the running timer re-arms itself (no new timer per keep-alive); after a stop it is still queued
        if (!Scheduler.rearmable(timer)) {
            Scheduler.Timer queued = timer;
            timer = Scheduler.rearmable(spare) ? spare : scheduler.idle(this);
            spare = queued;
        }
        scheduler.rearm(timer, at);
    }
}
