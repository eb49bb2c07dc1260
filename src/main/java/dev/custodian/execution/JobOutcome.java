package dev.custodian.execution;

import jakarta.json.JsonValue;
import java.nio.file.Path;

/** A successful run: the JSON result and, optionally, the name of the output file written under {@code output/}. */
public record JobOutcome(String resultJson, String outputFile) {

    public static JobOutcome of(JsonValue result) {
        return new JobOutcome(result == null ? null : result.toString(), null);
    }

    public static JobOutcome withOutput(JsonValue result, Path output) {
        return new JobOutcome(result == null ? null : result.toString(), output.getFileName().toString());
    }
}
