package dev.vialab.cli;

import dev.vialab.emulator.Emulator;
import dev.vialab.emulator.trace.Trace;
import dev.vialab.lab.Explainer;
import dev.vialab.lab.export.JsonExport;
import dev.vialab.lab.export.PcapngExport;
import dev.vialab.lab.export.TextLadder;
import dev.vialab.scenario.Problem;
import dev.vialab.scenario.ReadResult;
import dev.vialab.scenario.ScenarioReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headless runner: {@code run FILE [--format text|json|pcap] [--out PATH] [--seed N] [--set path=value]…}
 * and {@code validate FILE}. It starts no Spring context, so a run is over in well under a second.
 */
public final class Cli {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private Cli() {}

    private record Options(String command, Path file, String format, Path out, Long seed, List<String> overrides,
            Locale locale) {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // success returns instead of calling System.exit(0): since JDK 21 Runtime.exit asks the system logger
        // whether to log the exit (Shutdown.logRuntimeExit), which starts java.util.logging, ~7 ms of a 0.25 s run
        if (code != OK) {
            System.exit(code);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("vialab: " + e.getMessage());
            err.println(usage());
            return USAGE;
        }
        if (o.command().equals("help")) {
            out.println(usage());
            return OK;
        }
        if (!Files.isRegularFile(o.file())) {
            err.println("vialab: no such file: " + o.file());
            return USAGE;
        }
        ReadResult read;
        try {
            read = ScenarioReader.read(o.file().toString(), Files.readString(o.file(), StandardCharsets.UTF_8),
                    o.overrides(), o.seed());
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("vialab: cannot read " + o.file() + ": " + e.getMessage());
            return USAGE;
        }
        if (read instanceof ReadResult.Invalid invalid) {
            for (Problem p : invalid.problems()) {
                err.println(p);
            }
            err.println(invalid.problems().size() + (invalid.problems().size() == 1 ? " problem" : " problems")
                    + " in " + o.file() + "; nothing was run.");
            return INVALID;
        }
        ReadResult.Ok ok = (ReadResult.Ok) read;
        if (o.command().equals("validate")) {
            out.println(o.file() + ": valid (" + ok.scenario().id() + ")");
            return OK;
        }
        Trace trace = Emulator.run(ok.scenario().setup());
        try {
            write(trace, o, out);
        } catch (IOException e) {
            err.println("vialab: cannot write " + (o.out() == null ? "the output" : o.out()) + ": " + e.getMessage());
            return USAGE;
        }
        return OK;
    }

    private static void write(Trace trace, Options o, PrintStream stdout) throws IOException {
        OutputStream target = o.out() == null ? stdout : Files.newOutputStream(o.out());
        try (OutputStream raw = new BufferedOutputStream(target, 1 << 16)) {
            switch (o.format()) {
                case "json" -> {
                    Writer w = new OutputStreamWriter(raw, StandardCharsets.UTF_8);
                    JsonExport.write(trace, w);
                    w.flush();
                }
                case "pcap" -> PcapngExport.write(trace, raw);
                case "compact" -> raw.write(TextLadder.compact(trace).getBytes(StandardCharsets.UTF_8));
                default -> raw.write(TextLadder.full(trace, Explainer.of(o.locale())).getBytes(StandardCharsets.UTF_8));
            }
            raw.flush();
            if (o.out() == null) {
                stdout.flush();
            }
        }
    }

    private static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        String command = args[0].equals("--help") ? "help" : args[0];
        if (command.equals("help")) {
            return new Options(command, null, "text", null, null, List.of(), Locale.ROOT);
        }
        Path file = null;
        String format = "text";
        Path out = null;
        Long seed = null;
        Locale locale = Locale.ROOT;
        List<String> overrides = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--format", "-f" -> {
                    format = value(args, ++i, a);
                    if (!List.of("text", "json", "pcap", "compact").contains(format)) {
                        throw new IllegalArgumentException("--format must be text, json, pcap or compact, not "
                                + format);
                    }
                }
                case "--out", "-o" -> out = Path.of(value(args, ++i, a));
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(value(args, ++i, a));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed takes a whole number");
                    }
                }
                case "--set" -> overrides.add(value(args, ++i, a));
                case "--lang" -> locale = Locale.forLanguageTag(value(args, ++i, a));
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("one scenario file at a time");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("missing scenario FILE");
        }
        if (!command.equals("run") && !command.equals("validate")) {
            throw new IllegalArgumentException("unknown command " + command);
        }
        return new Options(command, file, format, out, seed, List.copyOf(overrides), locale);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static String usage() {
        return """
                usage: java -jar vialab.jar run FILE [--format text|json|pcap|compact] [--out PATH] [--seed N]
                                                     [--set path=value]... [--lang en|zh-CN]
                       java -jar vialab.jar validate FILE [--set path=value]...
                       java -jar vialab.jar            (no command: start the web app on http://localhost:8080)
                exit status: 0 ok, 1 invalid scenario (problems on stderr), 2 usage or I/O error""";
    }
}
