package dev.custodian.handlers;

import dev.custodian.execution.JobContext;
import dev.custodian.execution.JobHandler;
import dev.custodian.execution.JobOutcome;
import dev.custodian.execution.PermanentFailure;
import dev.custodian.platform.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code csv-summary}: reads an uploaded CSV (RFC 4180, first row is the header) in one streaming pass and
 * returns the row count and per-column statistics; the same JSON is written to {@code output/<id>.json}.
 * Memory stays bounded whatever the file: one record at a time within {@link CsvReader.Limits#DEFAULT}, and one
 * {@link ColumnStats} per header column; a file over a limit fails the job at once, naming the limit.
 */
@ApplicationScoped
public class CsvSummaryHandler implements JobHandler {

    @Override
    public String type() {
        return "csv-summary";
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public JobOutcome run(JobContext context) throws Exception {
        JsonObject summary;
        try (BufferedReader reader = Files.newBufferedReader(context.requireInput(), StandardCharsets.UTF_8)) {
            summary = summarise(new CsvReader(reader));
        }
        Path output = context.outputFile("json");
        Files.writeString(output, summary.toString(), StandardCharsets.UTF_8);
        return JobOutcome.withOutput(summary, output);
    }

    static JsonObject summarise(CsvReader csv) throws java.io.IOException {
        List<String> header = csv.next();
        if (header == null) {
            throw new PermanentFailure("the CSV file is empty");
        }
        List<ColumnStats> columns = new ArrayList<>();
        for (String name : header) {
            columns.add(new ColumnStats(name));
        }
        long rows = 0;
        for (List<String> row; (row = csv.next()) != null; ) {
            if ((rows & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("csv-summary interrupted");
            }
            rows++;
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).accept(i < row.size() ? row.get(i) : "");
            }
        }
        var array = JsonText.array();
        columns.forEach(c -> array.add(c.toJson()));
        return JsonText.object().add("rows", rows).add("columns", array).build();
    }
}
