package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.custodian.it.RawHttp.Generated;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input suite (issue 14): every row is a request a careless or hostile client may send, with the status
 * it must get. For every row the answer is {@code application/problem+json} with {@code status} and a {@code detail}
 * that says what is wrong, and nothing changed: the same job rows (status, attempts, lease, result, version), no new
 * event, no cleanup run, no file. Rows are sent over a plain socket ({@link RawHttp}), so URLs and bodies are exactly
 * as written, and the 50 MB bodies are generated while they are sent. Adding a case is adding a row to
 * {@link #rows()}; {@code {claimed}} in a path is a job a worker holds (submitted and claimed before the call).
 */
class HostileInputIT extends OnSharedServer {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final String CLAIMED = "{claimed}";
    private static final String WORKER_ID = "w-1";
    /** A well-formed job id of no job ({@code {claimed}} can be replaced only once in a body). */
    private static final String SOME_ID = "00000000-0000-4000-8000-000000000001";

    /** One hostile request and the answer it must get. */
    record Row(String name, String method, String path, Map<String, String> headers, Generated body, int status,
               String detail) {

        @Override
        public String toString() {
            return name;
        }

        boolean needsClaimedJob() {
            return path.contains(CLAIMED) || (body != null && body.prefix().contains(CLAIMED));
        }
    }

    /** Starts a row: who sends it. */
    static RowBuilder row(String name, Api user) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (user.authorization() != null) {
            headers.put("Authorization", user.authorization());
        }
        return new RowBuilder(name, headers);
    }

    record RowBuilder(String name, Map<String, String> headers) {

        RowBuilder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request get(String path) {
            return new Request(this, "GET", path, null);
        }

        Request post(String path, String json) {
            return new Request(this, "POST", path, Generated.of("application/json", json));
        }

        Request put(String path, String json) {
            return new Request(this, "PUT", path, Generated.of("application/json", json));
        }

        Request send(String method, String path, Generated body) {
            return new Request(this, method, path, body);
        }
    }

    record Request(RowBuilder who, String method, String path, Generated body) {

        Row is(int status, String detail) {
            return new Row(who.name(), method, path, who.headers(), body, status, detail);
        }
    }

    static Stream<Row> rows() {
        Api alice = Api.alice();
        Api worker = Api.worker();
        Api admin = Api.admin();
        String longId = "a".repeat(10_000);
        return Stream.of(
                // defect 3: bodies over their limit are refused before they are read
                row("50 MB JSON submission with Content-Length", alice)
                        .send("POST", "/api/jobs", huge("application/json", false)).is(413, "custodian.api.max-json-size"),
                row("50 MB JSON submission, chunked", alice)
                        .send("POST", "/api/jobs", huge("application/json", true)).is(413, "custodian.api.max-json-size"),
                row("50 MB claim, chunked", worker)
                        .send("POST", "/api/jobs/claim", huge("application/json", true)).is(413, "custodian.api.max-json-size"),
                row("50 MB cleanup request with Content-Length", admin)
                        .send("POST", "/api/system/cleanup", huge("application/json", false)).is(413, "custodian.api.max-json-size"),
                row("50 MB multipart upload with Content-Length", alice)
                        .send("POST", "/api/jobs", hugeUpload(false)).is(413, "custodian.upload.max-size"),
                row("50 MB multipart upload, chunked", alice)
                        .send("POST", "/api/jobs", hugeUpload(true)).is(413, "custodian.upload.max-size"),
                // defect 4: a worker's result too big for the column
                row("complete with a 1.2M-character result", worker)
                        .send("POST", "/api/jobs/" + CLAIMED + "/complete", new Generated("application/json",
                                "{\"workerId\":\"" + WORKER_ID + "\",\"result\":\"", (byte) 'x', "\"}", 1_200_000, false))
                        .is(413, "at most 1000000"),
                // defect 5: inputs that answered 500
                row("claim with a null in types", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[null]}").is(400, "types"),
                row("claim with a number in types", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[1]}").is(400, "types"),
                row("cleanup body []", admin).post("/api/system/cleanup", "[]").is(400, "JSON object"),
                row("cleanup body null", admin).post("/api/system/cleanup", "null").is(400, "JSON object"),
                row("schedule body [true]", admin).put("/api/system/cleanup/schedule", "[true]").is(400, "enabled"),
                row("schedule body null", admin).put("/api/system/cleanup/schedule", "null").is(400, "enabled"),
                row("NUL in a claim's workerId", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\\u0000\",\"types\":[\"remote-thing\"]}").is(400, "NUL"),
                row("NUL in a heartbeat's workerId", worker)
                        .post("/api/jobs/" + CLAIMED + "/heartbeat", "{\"workerId\":\"" + WORKER_ID + "\\u0000\"}").is(400, "NUL"),
                row("NUL in a fail's error", worker)
                        .post("/api/jobs/" + CLAIMED + "/fail", "{\"workerId\":\"" + WORKER_ID + "\",\"error\":\"bad\\u0000\"}")
                        .is(400, "NUL"),
                row("NUL in a complete's workerId", worker)
                        .post("/api/jobs/" + CLAIMED + "/complete", "{\"workerId\":\"\\u0000\"}").is(400, "NUL"),
                row("NUL in a list's type parameter", alice).get("/api/jobs?type=a%00b").is(400, "NUL"),
                row("cursor in the year 1,000,000,000", alice)
                        .get("/api/jobs?cursor=" + cursor(Instant.MAX)).is(400, "cursor"),
                row("cursor at Instant.MIN", alice).get("/api/jobs?cursor=" + cursor(Instant.MIN)).is(400, "cursor"),
                row("a 10,000-character job id", alice).get("/api/jobs/" + longId).is(400, "is not a job id"),
                // defect 5: a Basic value that is not Base64 answered 500 on every path, even the health checks
                row("Basic !!! on the API", Api.anonymous()).header("Authorization", "Basic !!!")
                        .get("/api/jobs").is(401, "not HTTP Basic credentials"),
                row("Basic !!! on an admin path", Api.anonymous()).header("Authorization", "Basic !!!")
                        .get("/api/system/cleanup/status").is(401, "not HTTP Basic credentials"),
                row("Basic !!! on /health/ready", Api.anonymous()).header("Authorization", "Basic !!!")
                        .get("/health/ready").is(401, "not HTTP Basic credentials"),
                row("an unknown path outside /api", alice).get("/nothing/here").is(404, "/nothing/here"),
                row("an unknown path outside /api, anonymous", Api.anonymous()).get("/favicon.ico").is(404, ""),
                row("an unknown path under /api", alice).get("/api/nothing").is(404, ""),
                row("a method the resource does not have", alice).put("/api/jobs", "{}").is(405, ""),
                // defect 6: overrides validated completely before anything runs
                cleanup(admin, "jobs", "completedTtl", "\"999999999999d\""),
                cleanup(admin, "jobs", "restoreWindow", "\"999999999999d\""),
                cleanup(admin, "jobs", "completedTtl", "\"99999999d\""),
                cleanup(admin, "jobs", "restoreWindow", "\"99999999d\""),
                cleanup(admin, "files", "tempMaxAge", "\"999999999999d\""),
                cleanup(admin, "files", "tempMaxAge", "\"99999999d\""),
                cleanup(admin, "files", "logMaxAge", "\"999999999999d\""),
                cleanup(admin, "files", "logMaxAge", "\"99999999d\""),
                cleanup(admin, "backups", "keepLast", "18446744073709551616"),
                row("backups keepLast 0 alone (the configured policy keeps nothing else)", admin)
                        .post("/api/system/cleanup", "{\"dryRun\":false,\"backups\":{\"keepLast\":0}}").is(400, "keep at least one"),
                // defect 7: numbers that wrapped or were coerced
                row("timeoutSeconds 4294967306", alice)
                        .post("/api/jobs", "{\"type\":\"echo\",\"timeoutSeconds\":4294967306}").is(400, "timeoutSeconds"),
                row("maxAttempts 4294967297", alice)
                        .post("/api/jobs", "{\"type\":\"echo\",\"maxAttempts\":4294967297}").is(400, "maxAttempts"),
                row("maxAttempts 1.5", alice).post("/api/jobs", "{\"type\":\"echo\",\"maxAttempts\":1.5}").is(400, "maxAttempts"),
                row("timeoutSeconds 1.5", alice).post("/api/jobs", "{\"type\":\"echo\",\"timeoutSeconds\":1.5}").is(400, "timeoutSeconds"),
                row("timeoutSeconds as a string", alice)
                        .post("/api/jobs", "{\"type\":\"echo\",\"timeoutSeconds\":\"10\"}").is(400, "timeoutSeconds"),
                row("type as a number", alice).post("/api/jobs", "{\"type\":5}").is(400, "type"),
                row("a submission body that is an array", alice).post("/api/jobs", "[{\"type\":\"echo\"}]").is(400, "JSON object"),
                row("workerId 5", worker).post("/api/jobs/claim", "{\"workerId\":5,\"types\":[\"remote-thing\"]}").is(400, "workerId"),
                row("leaseSeconds 1.5", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"],\"leaseSeconds\":1.5}")
                        .is(400, "leaseSeconds"),
                row("heartbeat leaseSeconds 4294967297", worker)
                        .post("/api/jobs/" + CLAIMED + "/heartbeat", "{\"workerId\":\"" + WORKER_ID + "\",\"leaseSeconds\":4294967297}")
                        .is(400, "leaseSeconds"),
                row("fail with retry as a string", worker)
                        .post("/api/jobs/" + CLAIMED + "/fail", "{\"workerId\":\"" + WORKER_ID + "\",\"retry\":\"no\"}").is(400, "retry"),
                row("list limit 4294967297", alice).get("/api/jobs?limit=4294967297").is(400, "limit"),
                row("cleanup history limit 4294967297", admin).get("/api/system/cleanup/runs?limit=4294967297").is(400, "limit"),
                // issue 16: the list's and the history's new parameters, bulk actions and retries
                row("an unknown list parameter", alice).get("/api/jobs?stauts=FAILED").is(400, "stauts"),
                row("a list parameter given twice", alice).get("/api/jobs?status=FAILED&status=PENDING").is(400, "status"),
                row("sort by a column that is not offered", alice).get("/api/jobs?sort=payload").is(400, "sort"),
                row("createdAfter that is not an instant", alice).get("/api/jobs?createdAfter=yesterday").is(400, "createdAfter"),
                row("createdBefore in the year 1,000,000,000", alice)
                        .get("/api/jobs?createdBefore=%2B1000000000-01-01T00:00:00Z").is(400, "createdBefore"),
                row("createdAfter after createdBefore", alice)
                        .get("/api/jobs?createdAfter=2026-02-01T00:00:00Z&createdBefore=2026-01-01T00:00:00Z").is(400, "createdAfter"),
                row("count=maybe", alice).get("/api/jobs?count=maybe").is(400, "count"),
                row("deleted=true as a user", alice).get("/api/jobs?deleted=true").is(403, "admins"),
                row("owner= someone else as a user", alice).get("/api/jobs?owner=bob").is(403, "admins"),
                row("an unknown history parameter", admin).get("/api/system/cleanup/runs?dryrun=true").is(400, "dryrun"),
                row("history status that does not exist", admin).get("/api/system/cleanup/runs?status=DONE").is(400, "status"),
                row("history cursor that is not one", admin).get("/api/system/cleanup/runs?cursor=zzz").is(400, "cursor"),
                row("bulk as a user", alice).post("/api/jobs/bulk", "{\"action\":\"delete\",\"filter\":{}}").is(403, ""),
                row("bulk without an action", admin).post("/api/jobs/bulk", "{\"filter\":{}}").is(400, "action"),
                row("bulk action purge", admin).post("/api/jobs/bulk", "{\"action\":\"purge\",\"filter\":{}}").is(400, "purge"),
                row("bulk with an unknown filter", admin)
                        .post("/api/jobs/bulk", "{\"action\":\"delete\",\"filter\":{\"colour\":\"red\"}}").is(400, "colour"),
                row("bulk with a filter that is an array", admin).post("/api/jobs/bulk", "{\"action\":\"delete\",\"filter\":[]}").is(400, "filter"),
                row("bulk expect -1", admin).post("/api/jobs/bulk", "{\"action\":\"delete\",\"expect\":-1}").is(400, "expect"),
                row("bulk expect 1.5", admin).post("/api/jobs/bulk", "{\"action\":\"delete\",\"expect\":1.5}").is(400, "expect"),
                row("bulk ids that are not ids", admin)
                        .post("/api/jobs/bulk", "{\"action\":\"cancel\",\"ids\":[\"x\"]}").is(400, ""),
                row("bulk with an expect that differs", admin)
                        .post("/api/jobs/bulk", "{\"action\":\"cancel\",\"filter\":{\"status\":\"PENDING\"},\"expect\":7}").is(409, "expected 7"),
                row("retry of a job that does not exist", alice)
                        .post("/api/jobs/00000000-0000-0000-0000-000000000001/retry", "").is(404, ""),
                row("backups keepDaily 1.5", admin)
                        .post("/api/system/cleanup", "{\"dryRun\":false,\"backups\":{\"keepDaily\":1.5}}").is(400, "backups.keepDaily"),
                row("claim max 0", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"],\"max\":0}").is(400, "max"),
                row("claim max 101", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"],\"max\":101}").is(400, "max"),
                row("claim max \"5\"", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"],\"max\":\"5\"}").is(400, "max"),
                row("claim max 4294967297", worker)
                        .post("/api/jobs/claim", "{\"workerId\":\"w\",\"types\":[\"remote-thing\"],\"max\":4294967297}").is(400, "max"),
                row("completions without items", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\"}").is(400, "items"),
                row("completions items as an object", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":{}}").is(400, "items"),
                row("completions with a bad id in the second item", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":[{\"id\":\"" + CLAIMED
                                + "\"},{\"id\":\"nope\"}]}").is(400, "items[1].id"),
                row("completions with one id twice", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":[{\"id\":\"" + SOME_ID
                                + "\"},{\"id\":\"" + SOME_ID + "\"}]}").is(400, "twice"),
                row("completions with result and error", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":[{\"id\":\"" + CLAIMED
                                + "\",\"result\":1,\"error\":\"x\"}]}").is(400, "exclude"),
                row("completions with retry as a string", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":[{\"id\":\"" + CLAIMED
                                + "\",\"error\":\"x\",\"retry\":\"no\"}]}").is(400, "items[0].retry"),
                row("NUL in a completion's error", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":[{\"id\":\"" + CLAIMED
                                + "\",\"error\":\"a\\u0000b\"}]}").is(400, "NUL"),
                row("completions with a 1.2M-character result", worker)
                        .post("/api/jobs/completions", "{\"workerId\":\"" + WORKER_ID + "\",\"items\":[{\"id\":\"" + CLAIMED
                                + "\",\"result\":\"" + "x".repeat(1_200_000) + "\"}]}").is(413, "result"),
                row("completions from a user without the worker role", alice)
                        .post("/api/jobs/completions", "{\"workerId\":\"w\",\"items\":[]}").is(403, ""),
                row("batch without items", alice).post("/api/jobs/batch", "{}").is(400, "items"),
                row("batch with no items", alice).post("/api/jobs/batch", "{\"items\":[]}").is(400, "items"),
                row("batch of 1,001 jobs", alice)
                        .post("/api/jobs/batch", "{\"items\":[" + "{\"type\":\"echo\"},".repeat(1000) + "{\"type\":\"echo\"}]}")
                        .is(400, "at most 1000"),
                row("batch whose third item has an unknown type", alice)
                        .post("/api/jobs/batch", "{\"items\":[{\"type\":\"echo\"},{\"type\":\"echo\"},{\"type\":\"nope\"}]}")
                        .is(400, "items[2]"),
                row("batch whose second item has maxAttempts 1.5", alice)
                        .post("/api/jobs/batch", "{\"items\":[{\"type\":\"echo\"},{\"type\":\"echo\",\"maxAttempts\":1.5}]}")
                        .is(400, "items[1].maxAttempts"),
                row("batch with a number as an item", alice).post("/api/jobs/batch", "{\"items\":[{\"type\":\"echo\"},5]}")
                        .is(400, "items[1]"),
                row("batch body that is an array", alice).post("/api/jobs/batch", "[{\"type\":\"echo\"}]").is(400, "JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void hostile_input_gets_a_problem_and_changes_nothing(Row row) {
        String claimed = row.needsClaimedJob() ? claimedJob() : null;
        String path = claimed == null ? row.path() : row.path().replace(CLAIMED, claimed);
        Generated body = claimed == null || row.body() == null ? row.body()
                : new Generated(row.body().contentType(), row.body().prefix().replace(CLAIMED, claimed), row.body().filler(),
                        row.body().suffix(), row.body().length() - CLAIMED.length() + claimed.length(), row.body().chunked());
        String before = snapshot();

        Api.Reply reply = RawHttp.send(row.method(), path, row.headers(), body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(row.status());
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.object().getInt("status")).as(reply.toString()).isEqualTo(row.status());
        assertThat(reply.object().getString("detail")).as(reply.toString()).isNotBlank().contains(row.detail())
                .as("the detail names the problem without echoing the input").hasSizeLessThan(500);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void eight_concurrent_50_mb_bodies_are_all_refused_and_the_service_stays_healthy() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean chunked = i % 2 == 0;
                replies.add(clients.submit(() -> RawHttp.send("POST", "/api/jobs",
                        Map.of("Authorization", Api.alice().authorization()), huge("application/json", chunked))));
            }
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(413);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(Api.alice().post("/api/jobs", "{\"type\":\"echo\"}").status()).isEqualTo(201);
        assertThat(Api.anonymous().get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void a_database_outage_answers_503_problems_with_retry_after() {
        assumeThat(Environment.DATABASE).isEqualTo("postgres");
        try {
            Environment.cutPostgres();
            Api.Reply list = Api.alice().get("/api/jobs");
            Api.Reply submit = Api.alice().post("/api/jobs", "{\"type\":\"echo\"}");

            for (Api.Reply reply : List.of(list, submit)) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
                assertThat(reply.contentType()).as(reply.toString()).isEqualTo("application/problem+json");
                assertThat(reply.object().getInt("status")).isEqualTo(503);
                assertThat(reply.object().getString("detail")).contains("database");
                assertThat(reply.header("Retry-After")).as("Retry-After, in seconds").matches("[1-9][0-9]*");
            }
        } finally {
            Environment.restorePostgres();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Api.alice().get("/api/jobs").status() != 200 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Api.alice().get("/api/jobs").status()).isEqualTo(200);
    }

    private static Row cleanup(Api admin, String section, String field, String value) {
        return row("cleanup " + section + "." + field + " " + value, admin)
                .post("/api/system/cleanup", "{\"dryRun\":false,\"" + section + "\":{\"" + field + "\":" + value + "}}")
                .is(400, section + "." + field);
    }

    private static Generated huge(String contentType, boolean chunked) {
        return new Generated(contentType, "{\"type\":\"echo\",\"payload\":\"", (byte) 'a', "\"}", FIFTY_MB, chunked);
    }

    private static Generated hugeUpload(boolean chunked) {
        String boundary = "----hostile" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\ngzip\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        return new Generated("multipart/form-data; boundary=" + boundary, head, (byte) 'b', "\r\n--" + boundary + "--\r\n",
                FIFTY_MB, chunked);
    }

    private static String cursor(Instant at) {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** A job of an external type, submitted by alice and held by worker {@link #WORKER_ID}. */
    private static String claimedJob() {
        Api.Reply submitted = Api.alice().post("/api/jobs", "{\"type\":\"remote-thing\"}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        Api.Reply claimed = Api.worker().post("/api/jobs/claim", "{\"workerId\":\"" + WORKER_ID + "\",\"types\":[\"remote-thing\"]}");
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        return claimed.object().getString("id");
    }

    /** Everything a request could change: job rows, events, cleanup runs and the schedule, files under the data root. */
    private static String snapshot() {
        StringBuilder state = new StringBuilder();
        try (Connection c = Environment.connect(); Statement s = c.createStatement()) {
            rows(s, "SELECT id, status, attempts, worker_id, lease_expires_at, result, error, version FROM job ORDER BY id", state);
            rows(s, "SELECT COUNT(*) FROM job_event", state);
            rows(s, "SELECT COUNT(*) FROM cleanup_run", state);
            rows(s, "SELECT schedule_enabled, run_id FROM cleanup_lock", state);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String dir : new String[] {"input", "output", "temp", "backups"}) {
            state.append(dir).append('=').append(fileCount(Environment.dataRoot().resolve(dir))).append('\n');
        }
        return state.toString();
    }

    private static void rows(Statement s, String sql, StringBuilder state) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    state.append(rs.getString(i)).append('|');
                }
                state.append('\n');
            }
        }
    }

    private static long fileCount(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
