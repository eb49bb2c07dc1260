package dev.custodian.it;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The warnings and errors the servers under test printed lately. The Payara Micro container prints every line of
 * the server's output with {@code System.out.println}; once installed, this stream passes each line on unchanged
 * and keeps the last {@link #KEPT} that are warnings or errors (JSON lines with level WARN or ERROR, or the
 * server's own WARNING and SEVERE records), so that a failure message can say what went wrong in the server.
 */
final class ServerLog extends PrintStream {

    private static final int KEPT = 20;
    private static final int WIDTH = 400;
    private static final Pattern TROUBLE = Pattern.compile("\"level\":\"(WARN|ERROR)\"|\\b(WARNING|SEVERE)\\b");
    private static final Deque<String> RECENT = new ArrayDeque<>();

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
            synchronized (RECENT) {
                if (RECENT.size() == KEPT) {
                    RECENT.removeFirst();
                }
                RECENT.addLast(line.length() > WIDTH ? line.substring(0, WIDTH) + "…" : line);
            }
        }
        super.println(line);
    }

    /** The kept lines, oldest first, one per line (empty when there are none). */
    static String recentTrouble() {
        synchronized (RECENT) {
            return RECENT.isEmpty() ? "" : "\n--- the servers' last warnings and errors:\n" + String.join("\n", RECENT);
        }
    }
}
