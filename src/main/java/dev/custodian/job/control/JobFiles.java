package dev.custodian.job.control;

import dev.custodian.platform.storage.DataRoot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's files under the data root. Names are made here from the job id, never taken from the client.
 * Uploads are streamed to {@code temp/} with the size limit enforced while reading, then moved into
 * {@code input/}. The input file is deleted as soon as its job finishes, whatever the outcome.
 */
@ApplicationScoped
public class JobFiles {

    private static final Logger LOG = LoggerFactory.getLogger(JobFiles.class);

    @Inject
    DataRoot dataRoot;

    /** Stores an upload as the input of job {@code id}; returns the stored name. */
    public String storeInput(UUID id, InputStream content, long maxSize) {
        String name = id + ".input";
        Path partial = dataRoot.resolve(dataRoot.temp(), id + ".upload.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > maxSize) {
                        throw PayloadTooLargeException.upload(maxSize);
                    }
                    out.write(buffer, 0, n);
                }
            }
            Files.move(partial, inputPath(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            dataRoot.deleteQuietly(partial);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            dataRoot.deleteQuietly(partial);
            throw e;
        }
    }

    public Path inputPath(String name) {
        return dataRoot.resolve(dataRoot.input(), name);
    }

    public Path outputPath(String name) {
        return dataRoot.resolve(dataRoot.output(), name);
    }

    /** The output file {@code name}, opened without following links; empty when it is not a regular file of ours. */
    public java.util.Optional<java.nio.channels.SeekableByteChannel> openOutput(String name) {
        return dataRoot.openForReading(outputPath(name));
    }

    public Path outputDir() {
        return dataRoot.output();
    }

    /**
     * A copy of input file {@code name} as the input of job {@code id} (a retry owns its own copy, since each job's
     * input is deleted when it finishes); empty when the file is gone or not a regular file of ours.
     */
    public java.util.Optional<String> copyInput(String name, UUID id) {
        java.util.Optional<java.nio.channels.SeekableByteChannel> source = dataRoot.openForReading(inputPath(name));
        if (source.isEmpty()) {
            return java.util.Optional.empty();
        }
        try (InputStream in = java.nio.channels.Channels.newInputStream(source.get())) {
            return java.util.Optional.of(storeInput(id, in, Long.MAX_VALUE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteInput(String name) {
        delete(inputPath(name));
    }

    public void deleteOutput(String name) {
        delete(outputPath(name));
    }

    void deleteInputsOfFinishedJobs(@Observes JobChanges changes) {
        changes.all().forEach(this::deleteInputOfFinishedJob);
    }

    private void deleteInputOfFinishedJob(JobChanged change) {
        if (change.status().isFinished() && change.inputFile() != null) {
            deleteInput(change.inputFile());
        }
    }

    private void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", file.getFileName(), e.toString());
        }
    }
}
