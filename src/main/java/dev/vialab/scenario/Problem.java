package dev.vialab.scenario;

/**
 * One thing wrong with a scenario file or an override, pointing at the key or value that causes it.
 *
 * @param file the file name as the caller gave it, or {@code override} for an override (then {@code line} is
 *     the override's 1-based position in the list)
 * @param line 1-based
 * @param column 1-based
 * @param path the field's knob path, e.g. {@code registrars.servers[2].address}; empty for file-level problems
 *     such as YAML syntax errors
 */
public record Problem(String file, int line, int column, String path, String message) {

    /** {@code file:line:column: path: message}, the path left out when empty (the compiler-style line editors jump to). */
    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + ": ";
        return path == null || path.isEmpty() ? where + message : where + path + ": " + message;
    }
}
