import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read latency of live jobs while something else (a purge) runs, for bench/purge.sh.
 *
 *   java bench/ReadLatencyProbe.java <baseUrl> <user:password> <jobs> <stopFile> [intervalMs=20]
 *
 * Submits {@code jobs} echo jobs as the given user (role user) and waits until they are COMPLETED, warms up for 2 s,
 * measures {@code GET /api/jobs/{id}} round-robin over them for 3 s as a baseline (idle server), prints "PROBING" and keeps
 * measuring (one request every intervalMs, sequentially, so at most one request is in flight) until
 * {@code stopFile} exists. Then prints p50/p99/max of both phases and how many answers were not 200.
 * A request that takes longer than the interval delays the next one (closed loop): slow phases get fewer samples.
 * Bounded: gives up after 30 minutes of probing.
 */
public class ReadLatencyProbe {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int jobs = Integer.parseInt(args[2]);
        Path stop = Path.of(args[3]);
        long intervalNanos = (args.length > 4 ? Long.parseLong(args[4]) : 20) * 1_000_000;
        // HTTP/1.1, as curl and wrk speak it: left to its default, HttpClient upgrades to h2c, another path in the server
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        List<String> ids = new ArrayList<>();
        Pattern location = Pattern.compile("/api/jobs/([0-9a-f-]{36})");
        for (int i = 0; i < jobs; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"echo\",\"payload\":{\"live\":" + i + "}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = location.matcher(r.headers().firstValue("Location").orElse(""));
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
            }
            ids.add(m.group(1));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String id : ids) {
            while (!get(http, base, auth, id).body().contains("\"COMPLETED\"")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("live job " + id + " did not complete within 60 s");
                }
                Thread.sleep(100);
            }
        }
        System.out.println("live jobs: " + ids.size() + " echo jobs submitted and COMPLETED");

        probe(http, base, auth, ids, intervalNanos, () -> false, System.nanoTime() + 2_000_000_000L); // warm-up, not counted
        Phase baseline = probe(http, base, auth, ids, intervalNanos, () -> false, System.nanoTime() + 3_000_000_000L);
        System.out.println("PROBING");
        System.out.flush();
        Phase during = probe(http, base, auth, ids, intervalNanos, () -> Files.exists(stop),
                System.nanoTime() + Duration.ofMinutes(30).toNanos());
        baseline.print("GET /api/jobs/{id} idle (3 s before)");
        during.print("GET /api/jobs/{id} during the run  ");
    }

    interface Stop {
        boolean now() throws Exception;
    }

    static Phase probe(HttpClient http, String base, String auth, List<String> ids, long intervalNanos, Stop stop, long deadline)
            throws Exception {
        Phase phase = new Phase();
        long next = System.nanoTime();
        for (int i = 0; !stop.now() && System.nanoTime() < deadline; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next = Math.max(next + intervalNanos, System.nanoTime());
            long t0 = System.nanoTime();
            int status;
            try {
                status = get(http, base, auth, ids.get(i % ids.size())).statusCode();
            } catch (java.io.IOException e) {
                status = -1;
            }
            phase.add(System.nanoTime() - t0, status == 200);
        }
        return phase;
    }

    static HttpResponse<String> get(HttpClient http, String base, String auth, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static final class Phase {
        long[] nanos = new long[1024];
        int count;
        int failed;

        void add(long n, boolean ok) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = n;
            if (!ok) {
                failed++;
            }
        }

        void print(String label) {
            if (count == 0) {
                System.out.println(label + ": no samples");
                return;
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            System.out.printf("%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms, not 200: %d%n", label, count,
                    sorted[count / 2] / 1e6, sorted[Math.min(count - 1, (int) (count * 0.99))] / 1e6, sorted[count - 1] / 1e6,
                    failed);
        }
    }
}
