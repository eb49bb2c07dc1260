package dev.custodian.execution;

import dev.custodian.platform.json.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/** What a handler gets: the job's identity, its payload, its input file if any, and where to write its output. */
public record JobContext(UUID jobId, String type, String payloadJson, int attempt, Optional<Path> input, Path outputDir) {

    public JsonValue payload() {
        if (payloadJson == null) {
            return JsonValue.NULL;
        }
        return JsonText.parse(payloadJson);
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
