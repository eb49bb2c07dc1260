package dev.custodian.execution;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** What a handler gets: the job's identity, its payload, its input file if any, and where to write its output. */
public record JobContext(UUID jobId, String type, String payloadJson, int attempt, Optional<Path> input, Path outputDir) {

    public JsonValue payload() {
        if (payloadJson == null) {
            return JsonValue.NULL;
        }
        try (JsonReader reader = Json.createReader(new StringReader(payloadJson))) {
            return reader.readValue();
        }
    }

    public JsonObject payloadObject() {
        JsonValue value = payload();
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    public Path requireInput() {
        return input.orElseThrow(() -> new IllegalStateException("job " + jobId + " has no input file"));
    }

    /** The output file for this job, named by the job id; {@link JobOutcome#withOutput} records its name. */
    public Path outputFile(String extension) {
        return outputDir.resolve(jobId + "." + extension);
    }
}
