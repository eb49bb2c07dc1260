package dev.custodian.retention.control;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.retention.control.RetentionRepository.ArchivedJob;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The archive of one run: {@code jobs-<run id>.jsonl.gz} in {@code custodian.retention.archive-dir}, one JSON line
 * per purged job with its events. {@link #append} returns only once the lines are flushed and forced to disk, so a
 * job is deleted only after its archive line is safe.
 */
final class JobArchive implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final GZIPOutputStream gzip;

    private JobArchive(Path file, FileChannel channel, GZIPOutputStream gzip) {
        this.file = file;
        this.channel = channel;
        this.gzip = gzip;
    }

    static JobArchive open(Path dir, UUID runId) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("jobs-" + runId + ".jsonl.gz");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            return new JobArchive(file, channel, new GZIPOutputStream(out, 64 * 1024, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the archive in " + dir, e);
        }
    }

    Path file() {
        return file;
    }

    void append(List<ArchivedJob> jobs) {
        try {
            for (ArchivedJob archived : jobs) {
                gzip.write(line(archived).getBytes(StandardCharsets.UTF_8));
                gzip.write('\n');
            }
            gzip.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            gzip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(ArchivedJob archived) {
        Job j = archived.job();
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", j.id().toString()).add("type", j.type()).add("status", j.status().name())
                .add("owner", j.owner()).add("attempts", j.attempts()).add("maxAttempts", j.maxAttempts())
                .add("timeoutSeconds", j.timeoutSeconds());
        text(o, "payload", j.payload());
        text(o, "result", j.result());
        text(o, "error", j.error());
        time(o, "createdAt", j.createdAt());
        time(o, "startedAt", j.startedAt());
        time(o, "finishedAt", j.finishedAt());
        time(o, "deletedAt", j.deletedAt());
        text(o, "outputFile", j.outputFile());
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (JobEvent e : archived.events()) {
            JsonObjectBuilder event = Json.createObjectBuilder().add("type", e.type().name()).add("at", e.at().toString());
            text(event, "from", e.fromStatus() == null ? null : e.fromStatus().name());
            text(event, "to", e.toStatus() == null ? null : e.toStatus().name());
            text(event, "nodeId", e.nodeId());
            text(event, "message", e.message());
            events.add(event);
        }
        return o.add("events", events).build().toString();
    }

    private static void text(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    private static void time(JsonObjectBuilder o, String key, Instant value) {
        if (value != null) {
            o.add(key, value.toString());
        }
    }
}
