package dev.custodian.it;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;

/**
 * The warnings and errors the servers under test printed lately. The Payara Micro container prints every line of
 * the server's output with {@code System.out.println}; once installed, this stream passes each line on unchanged
 * and keeps the last of those that are warnings or errors (JSON lines with level WARN or ERROR, or the server's own
 * WARNING and SEVERE records): {@link #KEPT} of Custodian's own and {@link #KEPT_OTHERS} of the libraries' and the
 * server's, so that a library repeating itself does not push out what Custodian said went wrong. It also keeps the
 * last {@link #KEPT_LINES} of Custodian's own lines of any level, whole, for tests that read what the server logged
 * ({@link #awaitLine}).
 */
final class ServerLog extends PrintStream {

    private static final int KEPT = 20;
    private static final int KEPT_OTHERS = 6;
    private static final int WIDTH = 400;
    private static final Pattern TROUBLE = Pattern.compile("\"level\":\"(WARN|ERROR)\"|\\b(WARNING|SEVERE)\\b");
    private static final Pattern OURS = Pattern.compile("\"logger\":\"dev\\.custodian\\.");
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static final Deque<String> RECENT_OTHERS = new ArrayDeque<>();
    private static final int KEPT_LINES = 500;
    private static final Deque<String> LINES = new ArrayDeque<>();

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
        if (line != null && OURS.matcher(line).find()) {
            keep(LINES, KEPT_LINES, line);
        }
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

    /**
     * The latest of Custodian's log lines that contains every one of {@code parts}, waited for up to {@code within}
     * (the server's output reaches this JVM through a pump thread); fails the test when none came.
     */
    static String awaitLine(Duration within, String... parts) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            synchronized (ServerLog.class) {
                Iterator<String> newestFirst = LINES.descendingIterator();
                while (newestFirst.hasNext()) {
                    String line = newestFirst.next();
                    if (Arrays.stream(parts).allMatch(line::contains)) {
                        return line;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                return Assertions.fail("no log line of Custodian's within %s contains all of %s%s", within,
                        Arrays.toString(parts), recentTrouble());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
