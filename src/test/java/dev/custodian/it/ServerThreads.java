package dev.custodian.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What the servers under test were doing when a test gave up waiting for them: a thread dump of every Payara Micro
 * process this test JVM started, taken with {@code jcmd}. The whole dump goes to a file under {@code target/it}
 * and to stderr; the failure message gets the few threads that run jobs (dispatcher, completions, the managed
 * threads of the executor and its timers), each with its state, innermost frame and first frames outside the JDK,
 * so that a CI log that shows only the message still says where a job got stuck.
 */
final class ServerThreads {

    /** Threads of the executor: its own named threads and the container-managed ones it runs handlers and timers on. */
    private static final Pattern JOB_THREADS = Pattern.compile("^\"(custodian-[^\"]*|concurrent/__defaultManagedThreadFactory[^\"]*)\"");
    private static final int FRAMES = 8;

    private ServerThreads() {
    }

    /** Dumps the threads of every Payara Micro child process; answers the short summary for a failure message. */
    static String dump() {
        StringBuilder summary = new StringBuilder();
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .toList();
        for (ProcessHandle server : servers) {
            String dump = jcmd(server.pid());
            Path file = Paths.get("target", "it", "thread-dump-" + server.pid() + "-" + Instant.now().toEpochMilli() + ".txt")
                    .toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, dump, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // the dump still goes to stderr and the summary
            }
            System.err.println("Thread dump of Payara Micro pid " + server.pid() + " (" + file + "):\n" + dump);
            summary.append("\n--- job threads of Payara Micro pid ").append(server.pid()).append(" (full dump: ").append(file).append(')')
                    .append(jobThreads(dump));
        }
        return summary.toString();
    }

    /** The executor's threads out of a {@code jcmd Thread.print} dump, {@link #FRAMES} frames each. */
    static String jobThreads(String dump) {
        StringBuilder out = new StringBuilder();
        for (String thread : dump.split("\n\n")) {
            String trimmed = thread.strip();
            if (JOB_THREADS.matcher(trimmed).find()) {
                String[] lines = trimmed.split("\n");
                List<String> kept = new ArrayList<>();
                kept.add(lines[0].replaceAll(" (os_prio|cpu|elapsed|tid|nid)=\\S+", ""));
                // the state, the innermost frame, then the frames outside the JDK: where in our code or a library
                for (int i = 1; i < lines.length && kept.size() <= FRAMES; i++) {
                    String line = lines[i].strip();
                    if (i <= 2 || line.startsWith("- waiting to lock") || !line.contains("java.base@")) {
                        kept.add("  " + line);
                    }
                }
                out.append('\n').append(String.join("\n", kept));
            }
        }
        return out.toString();
    }

    private static String jcmd(long pid) {
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }
}
