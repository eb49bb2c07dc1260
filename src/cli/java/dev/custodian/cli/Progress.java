package dev.custodian.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.util.Map;

/**
 * One line, redrawn with {@code \r}, while a run goes on: only on a terminal ({@link System#console()}), never in
 * a pipe, a log or under {@code -q}/{@code --json}. Shows what the running report has (the server writes it at
 * least every 2 s): the elapsed time and, per target, its phase ({@code pending}, {@code purging}, {@code done}...)
 * and, once it has started, its counts.
 */
final class Progress {

    private final PrintWriter out;
    private final boolean on;
    private int width;

    Progress(PrintWriter out, boolean on) {
        this.out = out;
        this.on = on;
    }

    static Progress forTerminal(PrintWriter out, ClientOptions options) {
        return new Progress(out, System.console() != null && !options.quiet && !options.json);
    }

    void show(JsonObject running, long elapsedMs) {
        if (!on) {
            return;
        }
        draw(line(running, elapsedMs));
    }

    /** Clears the line, so that what follows starts at its beginning. */
    void clear() {
        if (on && width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            out.flush();
            width = 0;
        }
    }

    static String line(JsonObject running, long elapsedMs) {
        StringBuilder line = new StringBuilder("cleanup ").append(Format.shortId(running.getString("id", null)))
                .append(" running, ").append(Format.millis(elapsedMs));
        for (Map.Entry<String, JsonValue> entry : RunReport.targets(running).entrySet()) {
            if (entry.getValue() instanceof JsonObject t) {
                line.append(" | ").append(entry.getKey());
                if (t.containsKey("phase")) {
                    line.append(' ').append(t.getString("phase", ""));
                }
                if ("pending".equals(t.getString("phase", ""))) {
                    continue; // not started: nothing to count yet
                }
                line.append(' ').append(RunReport.number(t, "matched")).append(" matched, ")
                        .append(Format.bytes(RunReport.number(t, "bytesFreed")));
            }
        }
        return line.toString();
    }

    private void draw(String line) {
        String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        width = line.length();
    }
}
