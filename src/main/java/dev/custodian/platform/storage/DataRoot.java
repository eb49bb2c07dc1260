package dev.custodian.platform.storage;

import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one directory under which Custodian keeps files ({@code custodian.data.dir}): {@code input/},
 * {@code output/}, {@code temp/}, {@code logs/}, {@code backups/}. Resolved to its real path once at startup;
 * every path handed out is checked to stay inside it.
 */
@ApplicationScoped
public class DataRoot {

    static final String KEY = "custodian.data.dir";

    @Inject
    Settings settings;

    private Path root;

    @PostConstruct
    void init() {
        String configured = settings.string(KEY);
        Path path = DataRootGuard.forThisServer().check(configured);
        try {
            Files.createDirectories(path);
            root = path.toRealPath();
            for (String dir : new String[] {"input", "output", "temp", "logs", "backups"}) {
                Files.createDirectories(root.resolve(dir));
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(KEY, configured, "cannot create the data root: " + e);
        }
    }

    public Path root() {
        return root;
    }

    /** Usable bytes on the data root's file system. */
    public long usableSpace() throws IOException {
        return Files.getFileStore(root()).getUsableSpace();
    }

    /** {@code custodian.health.min-free-disk}: with less free space than this the service is not ready. */
    public long minFreeSpace() {
        return settings.size("custodian.health.min-free-disk");
    }

    public Path input() {
        return root.resolve("input");
    }

    public Path output() {
        return root.resolve("output");
    }

    public Path temp() {
        return root.resolve("temp");
    }

    /** Resolves a stored file name (never a client-chosen one) inside {@code dir}, refusing anything that escapes it. */
    public Path resolve(Path dir, String name) {
        Path resolved = dir.resolve(name).normalize();
        if (!resolved.getParent().equals(dir) || !resolved.startsWith(root)) {
            throw new IllegalArgumentException("file name escapes the data root: " + name);
        }
        return resolved;
    }

    /**
     * Opens a regular file of ours for reading without following a symbolic link: empty when the file is missing,
     * is a link (one swapped in for it, say) or anything but a regular file, or lies outside the data root once
     * every link on its way is resolved. The file is opened with {@code O_NOFOLLOW}, so a link put in its place
     * after the checks fails the open instead of being followed.
     */
    public Optional<SeekableByteChannel> openForReading(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || !file.toRealPath().startsWith(root)) {
                return Optional.empty();
            }
            return Optional.of(Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Best-effort removal of a file of ours, for clean-up paths where a failure must not hide the first error. */
    public void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the file sweep of temp/ catches what is left behind
        }
    }
}
