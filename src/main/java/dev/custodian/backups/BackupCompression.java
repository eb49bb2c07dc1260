package dev.custodian.backups;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * {@code custodian.backups.compress=true}: a kept backup that is not gzip'd yet and older than a day is replaced by
 * {@code <name>.gz} with the same modification time (so the bucket selection sees the same backup). The
 * compressed file is written beside it under a temporary name, forced to disk and moved into place before the
 * original is deleted: a crash leaves the original, never neither.
 */
final class BackupCompression {

    static final Duration MIN_AGE = Duration.ofDays(1);

    private BackupCompression() {
    }

    static boolean isDue(Backup backup, Instant now) {
        return !backup.name().endsWith(".gz") && backup.modified().isBefore(now.minus(MIN_AGE));
    }

    /** Compresses {@code file}; answers the bytes it freed (original size minus compressed size). */
    static long compress(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        long before = Files.size(file);
        Path target = file.resolveSibling(file.getFileName() + ".gz");
        Path partial = file.resolveSibling("." + file.getFileName() + ".gz.partial");
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
             FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            try (OutputStream out = new GZIPOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
                in.transferTo(out);
                out.flush();
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.setLastModifiedTime(partial, modified);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        long after = Files.size(target);
        Files.delete(file);
        return before - after;
    }
}
