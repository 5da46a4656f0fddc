package dev.vialab;

/**
 * Entry point of the jar. {@code run} and {@code validate} go to the command-line runner, which must start no
 * Spring context (and stay under half a second); anything else starts the web application.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("validate") || args[0].equals("help")
                || args[0].equals("--help"))) {
            System.exit(dev.vialab.cli.Cli.run(args, System.out, System.err));
            return;
        }
        Application.main(args);
    }
}
