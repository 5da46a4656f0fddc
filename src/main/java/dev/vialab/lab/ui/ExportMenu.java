package dev.vialab.lab.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.export.JsonExport;
import dev.vialab.lab.export.PcapngExport;
import dev.vialab.lab.export.TextLadder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Downloads of the current run (pcapng with both NAT sides, JSON trace, text ladder) and a share link. */
class ExportMenu extends Composite<HorizontalLayout> {
    private final Supplier<Trace> trace;
    private final Supplier<String> link;
    private final Supplier<Explainer> explainer;
    private String name = "vialab";

    ExportMenu(Supplier<Trace> trace, Supplier<String> link, Supplier<Explainer> explainer) {
        this.trace = trace;
        this.link = link;
        this.explainer = explainer;
        HorizontalLayout bar = getContent();
        bar.addClassName("vl-export");
        bar.add(download("export.pcap", ".pcapng", "application/vnd.tcpdump.pcap",
                () -> PcapngExport.bytes(this.trace.get())));
        bar.add(download("export.json", ".json", "application/json",
                () -> JsonExport.toJson(this.trace.get()).getBytes(StandardCharsets.UTF_8)));
        bar.add(download("export.text", ".txt", "text/plain;charset=utf-8",
                () -> TextLadder.full(this.trace.get(), this.explainer.get()).getBytes(StandardCharsets.UTF_8)));
        Button share = new Button(getTranslation("export.link"), e -> {
            String url = this.link.get();
            e.getSource().getElement().executeJs("const u = new URL($0, document.baseURI).href;"
                    + " if (navigator.clipboard) { navigator.clipboard.writeText(u); }", url);
            Notification.show(getTranslation("export.copied") + " " + url, 4000, Notification.Position.BOTTOM_START);
        });
        share.addThemeVariants(ButtonVariant.LUMO_SMALL);
        share.addClassName("vl-share");
        bar.add(share);
    }

    void setName(String scenario) {
        this.name = scenario;
    }

    private Anchor download(String label, String suffix, String type, Supplier<byte[]> bytes) {
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] b = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(b), name + suffix, type, b.length);
        }), getTranslation(label));
        a.getElement().setAttribute("download", true);
        a.addClassName("vl-download");
        return a;
    }
}
