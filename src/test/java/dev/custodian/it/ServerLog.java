package dev.custodian.it;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The warnings and errors the servers under test printed lately. The Payara Micro container prints every line of
 * the server's output with {@code System.out.println}; once installed, this stream passes each line on unchanged
 * and keeps the last of those that are warnings or errors (JSON lines with level WARN or ERROR, or the server's own
 * WARNING and SEVERE records): {@link #KEPT} of Custodian's own and {@link #KEPT_OTHERS} of the libraries' and the
 * server's, so that a library repeating itself does not push out what Custodian said went wrong.
 */
final class ServerLog extends PrintStream {

    private static final int KEPT = 20;
    private static final int KEPT_OTHERS = 6;
    private static final int WIDTH = 400;
    private static final Pattern TROUBLE = Pattern.compile("\"level\":\"(WARN|ERROR)\"|\\b(WARNING|SEVERE)\\b");
    private static final Pattern OURS = Pattern.compile("\"logger\":\"dev\\.custodian\\.");
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static final Deque<String> RECENT_OTHERS = new ArrayDeque<>();

    private ServerLog(PrintStream out) {
        super(out, true);
    }

    /** Puts this stream in front of {@code System.out}, once per JVM. */
    static synchronized void install() {
        if (!(System.out instanceof ServerLog)) {
            System.setOut(new ServerLog(System.out));
        }
    }

    @Override
    public void println(String line) {
        if (line != null && TROUBLE.matcher(line).find()) {
            boolean ours = OURS.matcher(line).find();
            keep(ours ? RECENT : RECENT_OTHERS, ours ? KEPT : KEPT_OTHERS, line.length() > WIDTH ? line.substring(0, WIDTH) + "…" : line);
        }
        super.println(line);
    }

    private static synchronized void keep(Deque<String> lines, int most, String line) {
        if (lines.size() == most) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The kept lines, oldest first, one per line (empty when there are none). */
    static synchronized String recentTrouble() {
        StringBuilder out = new StringBuilder();
        if (!RECENT.isEmpty()) {
            out.append("\n--- Custodian's last warnings and errors:\n").append(String.join("\n", RECENT));
        }
        if (!RECENT_OTHERS.isEmpty()) {
            out.append("\n--- the server's and libraries' last warnings and errors:\n").append(String.join("\n", RECENT_OTHERS));
        }
        return out.toString();
    }
}
