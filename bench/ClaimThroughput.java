import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claim -> complete throughput of the worker API over HTTP, against jobs that are already PENDING.
 * java bench/ClaimThroughput.java <baseUrl> <worker:password> <type> <warmupJobs> <workers>
 *
 * Each worker thread (worker id bench-worker-<n>) loops POST /api/jobs/claim then POST /api/jobs/{id}/complete.
 * The first <warmupJobs> pairs are a warm-up, not measured; the measured phase then runs until every thread
 * gets 204 (nothing left). Prints pairs per second and claim/complete latency percentiles (204 answers are not
 * counted), and fails when one job id is handed out twice.
 */
public class ClaimThroughput {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String credentials = args.length > 1 ? args[1] : "worker:worker-pw";
        String type = args.length > 2 ? args[2] : "bench-ext";
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int workers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Set<String> seen = ConcurrentHashMap.newKeySet();

        Phase warm = new Phase(warmup);
        run(http, base, auth, type, workers, warm, seen);

        Phase measured = new Phase(Integer.MAX_VALUE);
        long start = System.nanoTime();
        run(http, base, auth, type, workers, measured, seen);
        double seconds = (System.nanoTime() - start) / 1e9;

        int pairs = measured.done.get();
        long[] claims = measured.latencies(true);
        long[] completes = measured.latencies(false);
        System.out.printf("warm-up: %d claim+complete pairs (not measured)%n", warm.done.get());
        System.out.printf("measured: %d claim+complete pairs by %d workers in %.1f s: %.0f pairs/s%n",
                pairs, workers, seconds, pairs / seconds);
        System.out.printf("claim latency    p50=%.1f ms p99=%.1f ms max=%.1f ms%n", ms(claims, 0.5), ms(claims, 0.99), ms(claims, 1));
        System.out.printf("complete latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n", ms(completes, 0.5), ms(completes, 0.99), ms(completes, 1));
        System.out.printf("distinct job ids claimed: %d (no id handed out twice)%n", seen.size());
    }

    /** A number of claim+complete pairs to do (or unbounded: until 204), with the latencies of each call. */
    static final class Phase {
        final int limit;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final List<long[]> perThread = new ArrayList<>();

        Phase(int limit) {
            this.limit = limit;
        }

        synchronized long[] newBuffer(int size) {
            long[] buffer = new long[size];
            perThread.add(buffer);
            return buffer;
        }

        /** Claim latencies sit at even indexes of each thread's buffer, complete latencies at odd ones; 0 = unused. */
        long[] latencies(boolean claim) {
            long[] all = perThread.stream().flatMapToLong(b -> {
                java.util.stream.LongStream.Builder s = java.util.stream.LongStream.builder();
                for (int i = claim ? 0 : 1; i < b.length; i += 2) {
                    if (b[i] > 0) {
                        s.add(b[i]);
                    }
                }
                return s.build();
            }).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    static void run(HttpClient http, String base, String auth, String type, int workers, Phase phase, Set<String> seen)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String worker = "bench-worker-" + w;
            futures.add(pool.submit(() -> {
                long[] buffer = phase.newBuffer(1 << 16);
                int n = 0;
                while (phase.started.getAndIncrement() < phase.limit) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> claim = http.send(post(base + "/api/jobs/claim", auth,
                            "{\"workerId\":\"" + worker + "\",\"types\":[\"" + type + "\"]}"), HttpResponse.BodyHandlers.ofString());
                    long claimed = System.nanoTime() - t0;
                    if (claim.statusCode() == 204) {
                        return null;
                    }
                    if (claim.statusCode() != 200) {
                        throw new IllegalStateException("claim answered " + claim.statusCode() + ": " + claim.body());
                    }
                    Matcher m = ID.matcher(claim.body());
                    if (!m.find()) {
                        throw new IllegalStateException("claim answer without an id: " + claim.body());
                    }
                    String id = m.group(1);
                    if (!seen.add(id)) {
                        throw new IllegalStateException("job " + id + " was claimed twice");
                    }
                    long t1 = System.nanoTime();
                    HttpResponse<String> complete = http.send(post(base + "/api/jobs/" + id + "/complete", auth,
                            "{\"workerId\":\"" + worker + "\",\"result\":{\"ok\":true}}"), HttpResponse.BodyHandlers.ofString());
                    long completed = System.nanoTime() - t1;
                    if (complete.statusCode() != 200) {
                        throw new IllegalStateException("complete of " + id + " answered " + complete.statusCode() + ": " + complete.body());
                    }
                    if (2 * n + 1 >= buffer.length) {
                        buffer = phase.newBuffer(buffer.length);
                        n = 0;
                    }
                    buffer[2 * n] = claimed;
                    buffer[2 * n + 1] = completed;
                    n++;
                    phase.done.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static HttpRequest post(String url, String auth, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.floor(sorted.length * quantile));
        return sorted[index] / 1e6;
    }
}
