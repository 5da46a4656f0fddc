package dev.vialab;

/** Entry point of the jar: {@code run}/{@code validate} go to the CLI, which starts no Spring context. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.out.println("ViaLab skeleton");
    }
}
