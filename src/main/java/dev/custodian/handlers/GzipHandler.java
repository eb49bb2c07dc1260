package dev.custodian.handlers;

import dev.custodian.execution.JobContext;
import dev.custodian.execution.JobHandler;
import dev.custodian.execution.JobOutcome;
import dev.custodian.platform.json.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** {@code gzip}: compresses the uploaded file into {@code output/<id>.gz}. */
@ApplicationScoped
public class GzipHandler implements JobHandler {

    @Override
    public String type() {
        return "gzip";
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public JobOutcome run(JobContext context) throws Exception {
        Path input = context.requireInput();
        Path output = context.outputFile("gz");
        try (InputStream in = Files.newInputStream(input);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(output), 64 * 1024)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("gzip interrupted");
                }
                out.write(buffer, 0, n);
            }
        } catch (Exception e) {
            Files.deleteIfExists(output);
            throw e;
        }
        long inputBytes = Files.size(input);
        long outputBytes = Files.size(output);
        return JobOutcome.withOutput(JsonText.object()
                .add("inputBytes", inputBytes)
                .add("outputBytes", outputBytes)
                .build(), output);
    }
}
