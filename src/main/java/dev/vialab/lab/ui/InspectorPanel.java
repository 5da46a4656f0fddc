package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.vialab.emulator.dns.DnsText;
import dev.vialab.emulator.packet.Packet;
import dev.vialab.emulator.packet.Time;
import dev.vialab.emulator.trace.Category;
import dev.vialab.emulator.trace.Hop;
import dev.vialab.emulator.trace.Step;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.SipHighlighter;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The selected step: what happened and why (with its rule and cause), and the packet — SIP with Via sent-by,
 * rport/received, Contact and Expires marked and explained in one sentence each, DNS in dig form. A packet that
 * crossed the NAT shows its inside and outside addresses side by side, rewritten parts marked.
 */
class InspectorPanel extends Composite<VerticalLayout> {
    private static final String RFC3261 = "https://www.rfc-editor.org/rfc/rfc3261";
    private static final String RFC3581 = "https://www.rfc-editor.org/rfc/rfc3581";
    private final IntConsumer jump;
    private Explainer explainer;

    InspectorPanel(IntConsumer jump) {
        this.jump = jump;
        getContent().addClassName("vl-inspector");
        getContent().setPadding(false);
        getContent().setSpacing(false);
    }

    void show(Trace trace, int index, List<Integer> flightSteps, Explainer ex) {
        this.explainer = ex;
        VerticalLayout c = getContent();
        c.removeAll();
        Step s = trace.step(index);
        c.add(new H3(getTranslation("inspector.title") + " " + (index + 1) + " · " + Time.format(s.time()) + " s · "
                + s.node()));
        Paragraph what = new Paragraph(ex.text(s.why()));
        what.addClassName("vl-why");
        c.add(what);
        Div meta = new Div();
        meta.addClassName("vl-meta");
        if (!s.why().rule().isEmpty()) {
            meta.add(new Span(getTranslation("inspector.rule") + ": " + s.why().rule()));
        }
        if (s.cause() >= 0) {
            Button cause = new Button(getTranslation("inspector.cause", s.cause() + 1), e -> jump.accept(s.cause()));
            cause.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            meta.add(cause);
        }
        c.add(meta);
        Hop h = s.hop();
        if (h == null) {
            c.add(new Paragraph(getTranslation("inspector.nothing")));
            return;
        }
        Paragraph because = new Paragraph(getTranslation("inspector.because") + ": " + ex.text(h.sentBecause()));
        because.addClassName("vl-because");
        c.add(because);
        c.add(addresses(trace, h, flightSteps));
        c.add(payload(h));
    }

    /** One row per link the packet crossed; on the outside the NAT's rewritten address is marked. */
    private Div addresses(Trace trace, Hop here, List<Integer> flightSteps) {
        Div box = new Div();
        box.addClassName("vl-hops");
        for (int i : flightSteps) {
            Hop h = trace.step(i).hop();
            Div row = new Div();
            row.addClassName("vl-hop");
            if (h == here) {
                row.addClassName("vl-hop-here");
            }
            String side = getTranslation(h.onInternet() ? "inspector.outside" : "inspector.inside");
            row.add(new Span(side + ": "));
            row.add(new Html("<span>" + endpoints(h, flightSteps.size() > 1 && h.onInternet()) + "</span>"));
            box.add(row);
        }
        if (flightSteps.size() > 1) {
            Paragraph note = new Paragraph(getTranslation("inspector.rewritten"));
            note.addClassName("vl-note");
            box.add(note);
        }
        return box;
    }

    private static String endpoints(Hop h, boolean markPublic) {
        String src;
        String dst;
        switch (h.packet()) {
            case Packet.Udp u -> {
                src = u.src().toString();
                dst = u.dst().toString();
            }
            case Packet.Tcp t -> {
                src = t.src().toString();
                dst = t.dst().toString();
            }
            case Packet.Icmp i -> {
                src = i.srcIp().toString();
                dst = i.dstIp().toString();
            }
        }
        String from = h.from();
        String to = h.to();
        String s = SipHighlighter.escape(src);
        String d = SipHighlighter.escape(dst);
        if (markPublic && from.startsWith("nat")) {
            s = "<mark class=\"vl-rewritten\">" + s + "</mark>";
        }
        if (markPublic && to.startsWith("nat")) {
            d = "<mark class=\"vl-rewritten\">" + d + "</mark>";
        }
        return SipHighlighter.escape(from) + " " + s + " → " + SipHighlighter.escape(to) + " " + d;
    }

    private Div payload(Hop h) {
        Div box = new Div();
        box.addClassName("vl-payload");
        if (h.category() == Category.DNS) {
            box.add(new Html("<pre>" + SipHighlighter.escape(DnsText.dig(h.packet().payload())) + "</pre>"));
            box.add(new Paragraph(getTranslation("inspector.dns")));
            return box;
        }
        if (h.packet() instanceof Packet.Icmp icmp) {
            box.add(new Html("<pre>ICMP type 3 code 3 (port unreachable)\nquoted: " + SipHighlighter.escape(
                    icmp.quoted().src() + " → " + icmp.quoted().dst()) + "</pre>"));
            return box;
        }
        String text = h.packet().text();
        if (h.packet() instanceof Packet.Tcp t && t.payload().length == 0) {
            box.add(new Html("<pre>TCP " + t.flagNames() + " seq=" + t.seq() + " ack=" + t.ack() + "</pre>"));
            return box;
        }
        if (h.category() == Category.KEEPALIVE) {
            box.add(new Html("<pre>" + SipHighlighter.escape(text.replace("\r", "\\r").replace("\n", "\\n"))
                    + "</pre>"));
            return box;
        }
        box.add(new Html("<pre class=\"vl-sip\">" + SipHighlighter.html(text) + "</pre>"));
        box.add(legend(text));
        return box;
    }

    private Div legend(String sip) {
        Div legend = new Div();
        legend.addClassName("vl-legend");
        legend.add(item("vl-via", "inspector.via", RFC3261 + "#section-18.2.2", "RFC 3261 §18.2.2"));
        boolean response = sip.startsWith("SIP/2.0");
        legend.add(item("vl-rport", response ? "inspector.rport.response" : "inspector.rport.request",
                RFC3581 + "#section-4", "RFC 3581 §4"));
        if (sip.contains("\r\nContact:")) {
            legend.add(item("vl-contact", "inspector.contact", RFC3261 + "#section-10.2.1", "RFC 3261 §10.2.1"));
        }
        if (sip.contains("\r\nExpires:")) {
            legend.add(item("vl-expires", "inspector.expires", RFC3261 + "#section-10.2.1.1", "RFC 3261 §10.2.1.1"));
        }
        return legend;
    }

    private Div item(String mark, String key, String href, String label) {
        Div d = new Div();
        Span swatch = new Span();
        swatch.addClassNames("vl-swatch", mark);
        Anchor link = new Anchor(href, label);
        link.setTarget("_blank");
        d.add(swatch, new Span(getTranslation(key) + " "), link);
        return d;
    }
}
