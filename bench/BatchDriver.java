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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP client of bench/batch-throughput.sh (issue 18): the batch calls under load. One JVM, one thread per
 * worker or client, one keep-alive connection each (HTTP/1.1).
 *
 * <pre>
 * java bench/BatchDriver.java workers BASE user:pw TYPE WORKERS BATCH SECONDS
 *     each worker: claim {max: BATCH} then one completions call for all it got, until SECONDS pass or the queue is
 *     empty (204); prints RESULT jobs=.. seconds=.. jobs_per_s=.. claim_p99_ms=.. completions_p99_ms=.. lost=..
 * java bench/BatchDriver.java submit BASE user:pw TYPE CLIENTS BATCH TOTAL
 *     CLIENTS threads POST /api/jobs/batch of BATCH jobs until TOTAL are submitted; prints RESULT jobs=.. jobs_per_s=..
 * java bench/BatchDriver.java latency BASE user:pw COUNT PATH...
 *     GETs each PATH COUNT times one after another; prints one line per path with p50, p99 and max
 * </pre>
 */
public class BatchDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static HttpClient http;
    private static String auth;
    private static String base;

    public static void main(String[] args) throws Exception {
        base = args[1];
        auth = "Basic " + Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
        switch (args[0]) {
            case "workers" -> workers(args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "submit" -> submit(args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "latency" -> latency(Integer.parseInt(args[3]), Arrays.copyOfRange(args, 4, args.length));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void workers(String type, int workers, int batch, int seconds) throws Exception {
        AtomicLong jobs = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Long> claimNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> completeNanos = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        AtomicLong lastDone = new AtomicLong(t0);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String worker = "bench-" + w;
            Thread t = new Thread(() -> {
                HttpClient client = client();
                String claim = "{\"workerId\":\"" + worker + "\",\"types\":[\"" + type + "\"],\"leaseSeconds\":120,\"max\":" + batch + "}";
                try {
                    while (System.nanoTime() < end) {
                        long c0 = System.nanoTime();
                        HttpResponse<String> claimed = post(client, "/api/jobs/claim", claim);
                        claimNanos.add(System.nanoTime() - c0);
                        if (claimed.statusCode() == 204) {
                            break;
                        }
                        if (claimed.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        StringBuilder items = new StringBuilder();
                        Matcher m = ID.matcher(claimed.body());
                        int n = 0;
                        while (m.find()) {
                            items.append(n++ == 0 ? "" : ",").append("{\"id\":\"").append(m.group(1)).append("\",\"result\":{\"ok\":true}}");
                        }
                        long k0 = System.nanoTime();
                        HttpResponse<String> done = post(client, "/api/jobs/completions",
                                "{\"workerId\":\"" + worker + "\",\"items\":[" + items + "]}");
                        completeNanos.add(System.nanoTime() - k0);
                        if (done.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        int lostHere = done.body().split("LEASE_LOST", -1).length - 1;
                        lost.addAndGet(lostHere);
                        jobs.addAndGet(n - lostHere);
                        lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (lastDone.get() - t0) / 1e9;
        System.out.printf("RESULT jobs=%d seconds=%.2f jobs_per_s=%.0f claim_p50_ms=%.1f claim_p99_ms=%.1f completions_p50_ms=%.1f completions_p99_ms=%.1f lost=%d errors=%d%n",
                jobs.get(), s, jobs.get() / s, pct(claimNanos, 50), pct(claimNanos, 99), pct(completeNanos, 50), pct(completeNanos, 99),
                lost.get(), errors.get());
    }

    static void submit(String type, int clients, int batch, int total) throws Exception {
        AtomicInteger left = new AtomicInteger(total);
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < batch; i++) {
            items.append(i == 0 ? "" : ",").append("{\"type\":\"").append(type).append("\",\"payload\":{\"n\":").append(i).append("}}");
        }
        String body = "{\"items\":[" + items + "]}";
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                HttpClient client = client();
                try {
                    while (left.addAndGet(-batch) > -batch) {
                        long r0 = System.nanoTime();
                        HttpResponse<String> reply = post(client, "/api/jobs/batch", body);
                        nanos.add(System.nanoTime() - r0);
                        if (reply.statusCode() != 201) {
                            errors.incrementAndGet();
                            System.err.println(reply.statusCode() + " " + reply.body());
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long jobs = (long) nanos.size() * batch;
        System.out.printf("RESULT jobs=%d seconds=%.2f jobs_per_s=%.0f batch_p50_ms=%.1f batch_p99_ms=%.1f errors=%d%n",
                jobs, s, jobs / s, pct(nanos, 50), pct(nanos, 99), errors.get());
    }

    static void latency(int count, String[] paths) throws Exception {
        HttpClient client = client();
        for (String path : paths) {
            List<Long> nanos = new ArrayList<>();
            int bad = 0;
            for (int i = 0; i < count; i++) {
                long r0 = System.nanoTime();
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                nanos.add(System.nanoTime() - r0);
                bad += reply.statusCode() == 200 ? 0 : 1;
            }
            System.out.printf("LATENCY %s n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f non200=%d%n", path, count, pct(nanos, 50),
                    pct(nanos, 99), pct(nanos, 100), bad);
        }
    }

    private static double pct(java.util.Collection<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[i] / 1e6;
    }
}
