package dev.custodian.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code custodian jobs list|get|submit|cancel|retry}: a user's own jobs (an admin's: everyone's). */
@Command(name = "jobs", description = "List, show, submit, cancel and retry jobs (users see their own, admins all).",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Get.class, JobsCommand.Submit.class, JobsCommand.Cancel.class,
                JobsCommand.Retry.class})
final class JobsCommand {

    @Command(name = "list", description = "Jobs, newest first, one page at a time.")
    static final class ListJobs implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClientOptions client;
        @Option(names = "--status", paramLabel = "S", description = "Only jobs in this status (PENDING, RUNNING, COMPLETED, FAILED, CANCELLED).")
        String status;
        @Option(names = "--type", paramLabel = "T", description = "Only jobs of this type.")
        String type;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size (default ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--cursor", paramLabel = "C", description = "The next page, as the previous page printed it.")
        String cursor;

        @Override
        public Integer call() {
            Api api = client.api();
            StringBuilder query = new StringBuilder("/api/jobs?limit=").append(limit);
            if (status != null) {
                query.append("&status=").append(Paths.query(status));
            }
            if (type != null) {
                query.append("&type=").append(Paths.query(type));
            }
            if (cursor != null) {
                query.append("&cursor=").append(Paths.query(cursor));
            }
            Reply reply = api.expect(api.get(query.toString()), "list jobs", false, 200);
            PrintWriter out = spec.commandLine().getOut();
            if (client.json) {
                client.raw(out, reply);
                return ExitCode.DONE;
            }
            JsonObject page = reply.object();
            Table table = new Table(4, "ID", "TYPE", "STATUS", "OWNER", "ATTEMPTS", "CREATED", "FINISHED");
            ZoneId zone = ZoneId.systemDefault();
            for (JsonValue value : page.getJsonArray("items")) {
                JsonObject job = value.asJsonObject();
                table.row(text(job, "id"), text(job, "type"), text(job, "status"), text(job, "owner"),
                        job.getInt("attempts", 0) + "/" + job.getInt("maxAttempts", 0),
                        Format.instant(text(job, "createdAt"), zone), Format.instant(text(job, "finishedAt"), zone));
            }
            StringBuilder text = new StringBuilder(table.isEmpty() ? "No jobs.\n" : table.render());
            if (page.get("nextCursor") instanceof JsonString next) {
                text.append("More: custodian jobs list --cursor ").append(next.getString()).append('\n');
            }
            client.say(out, text.toString());
            return ExitCode.DONE;
        }
    }

    @Command(name = "submit", description = "Submit a job; with --file, upload FILE as its input. Prints the new job's id.")
    static final class Submit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClientOptions client;
        @Option(names = "--type", paramLabel = "T", required = true, description = "The job type (e.g. gzip, csv-summary, echo).")
        String type;
        @Option(names = "--payload", paramLabel = "JSON", description = "The job's payload, a JSON document.")
        String payload;
        @Option(names = "--file", paramLabel = "FILE", description = "Upload FILE as the job's input file.")
        Path file;
        @Option(names = "--timeout-seconds", paramLabel = "N", description = "Stop the job after N seconds.")
        Integer timeoutSeconds;
        @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts before the job fails for good.")
        Integer maxAttempts;

        @Override
        public Integer call() {
            JsonValue parsed = payload == null ? null : parse(payload);
            if (file != null && !Files.isRegularFile(file)) {
                throw CliException.usage("--file " + file + " is not a readable file");
            }
            Api api = client.api();
            Reply reply;
            if (file != null) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("type", type);
                if (parsed != null) {
                    fields.put("payload", parsed.toString());
                }
                if (timeoutSeconds != null) {
                    fields.put("timeoutSeconds", timeoutSeconds.toString());
                }
                if (maxAttempts != null) {
                    fields.put("maxAttempts", maxAttempts.toString());
                }
                reply = api.upload("/api/jobs", fields, file);
            } else {
                JsonObjectBuilder body = Json.createObjectBuilder().add("type", type);
                if (parsed != null) {
                    body.add("payload", parsed);
                }
                if (timeoutSeconds != null) {
                    body.add("timeoutSeconds", timeoutSeconds);
                }
                if (maxAttempts != null) {
                    body.add("maxAttempts", maxAttempts);
                }
                reply = api.post("/api/jobs", body.build().toString());
            }
            api.expect(reply, "submit jobs", false, 201);
            PrintWriter out = spec.commandLine().getOut();
            if (client.json) {
                client.raw(out, reply);
            } else if (client.quiet) {
                out.println(reply.object().getString("id")); // the one thing a script needs
                out.flush();
            } else {
                client.say(out, "Submitted job " + reply.object().getString("id") + " (" + type + ", "
                        + reply.object().getString("status", "?") + ")\n");
            }
            return ExitCode.DONE;
        }

        private static JsonValue parse(String text) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            } catch (JsonException e) {
                throw CliException.usage("--payload is not JSON: " + e.getMessage());
            }
        }
    }

    /**
     * A call about one job whose answer is that job: {@code get}, {@code cancel}, {@code retry}. Each names its
     * request and what it does (for the error message), and shows the job the server answers.
     */
    abstract static class OneJob implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ClientOptions client;
        @Parameters(paramLabel = "JOB", description = "The job's id.")
        String id;

        abstract Reply send(Api api, String path);

        abstract String action();

        @Override
        public Integer call() {
            Api api = client.api();
            Reply reply = api.expect(send(api, "/api/jobs/" + Paths.segment(id)), action(), false, 200, 201);
            show(spec.commandLine().getOut(), client, reply);
            return ExitCode.DONE;
        }
    }

    @Command(name = "get", description = "One job: its fields, payload, result and error.")
    static final class Get extends OneJob {
        @Override
        Reply send(Api api, String path) {
            return api.get(path);
        }

        @Override
        String action() {
            return "read this job";
        }
    }

    @Command(name = "cancel", description = "Cancel a PENDING or RUNNING job.")
    static final class Cancel extends OneJob {
        @Override
        Reply send(Api api, String path) {
            return api.post(path + "/cancel", "");
        }

        @Override
        String action() {
            return "cancel this job";
        }
    }

    @Command(name = "retry", description = "Submit a new job with a finished job's type, payload, timeout and attempts "
            + "(its retryOf is the original); prints the new job.")
    static final class Retry extends OneJob {
        @Override
        Reply send(Api api, String path) {
            return api.post(path + "/retry", "");
        }

        @Override
        String action() {
            return "retry this job";
        }
    }

    static void show(PrintWriter out, ClientOptions client, Reply reply) {
        if (client.json) {
            client.raw(out, reply);
            return;
        }
        StringBuilder text = new StringBuilder();
        JsonObject job = reply.object();
        ZoneId zone = ZoneId.systemDefault();
        for (Map.Entry<String, JsonValue> field : job.entrySet()) {
            if (field.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            String value = field.getValue() instanceof JsonString s ? s.getString() : field.getValue().toString();
            if (field.getKey().endsWith("At")) {
                value = Format.instant(value, zone);
            }
            text.append(String.format("%-16s %s%n", field.getKey() + ":", value));
        }
        client.say(out, text.toString());
    }

    private static String text(JsonObject job, String field) {
        return job.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
