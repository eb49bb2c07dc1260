import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Submit -> complete throughput of the echo job type over HTTP.
 * java bench/SubmitThroughput.java <baseUrl> <user:password> <jobs> <clients>
 * Prints submit rate, end-to-end rate (first submit until no job of the bench user is PENDING or RUNNING)
 * and submit latency percentiles.
 */
public class SubmitThroughput {

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String credentials = args.length > 1 ? args[1] : "bench:bench-pw";
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        // warm-up: 500 jobs, not measured
        run(http, base, auth, 500, clients, new long[500]);
        waitUntilDrained(http, base, auth);

        long[] latencies = new long[jobs];
        long start = System.nanoTime();
        run(http, base, auth, jobs, clients, latencies);
        long submitted = System.nanoTime();
        waitUntilDrained(http, base, auth);
        long done = System.nanoTime();

        java.util.Arrays.sort(latencies);
        double submitSeconds = (submitted - start) / 1e9;
        double totalSeconds = (done - start) / 1e9;
        System.out.printf("jobs=%d clients=%d%n", jobs, clients);
        System.out.printf("submit: %.1f s, %.0f jobs/s; latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n", submitSeconds,
                jobs / submitSeconds, latencies[jobs / 2] / 1e6, latencies[(int) (jobs * 0.99)] / 1e6,
                latencies[jobs - 1] / 1e6);
        System.out.printf("end to end (submitted and completed): %.1f s, %.0f jobs/s%n", totalSeconds, jobs / totalSeconds);
    }

    static void run(HttpClient http, String base, String auth, int jobs, int clients, long[] latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < jobs; ) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"echo\",\"payload\":{\"n\":" + i + "}}"))
                            .build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    static void waitUntilDrained(HttpClient http, String base, String auth) throws Exception {
        while (hasAny(http, base, auth, "PENDING") || hasAny(http, base, auth, "RUNNING")) {
            Thread.sleep(20);
        }
    }

    static boolean hasAny(HttpClient http, String base, String auth, String status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/jobs?limit=1&status=" + status))
                .header("Authorization", auth).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.contains("\"id\"");
    }
}
