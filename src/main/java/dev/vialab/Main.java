package dev.vialab;

/** Entry point of the jar: anything but a CLI command starts the web application. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Application.main(args);
    }
}
