package dev.custodian.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.custodian.cleanup.control.TargetTally;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every sweep's one selection path, and the only place where a dry run and a real run differ: both
 * count each candidate and its bytes; only a real run deletes it.
 *
 * <p>Before deleting, a real run checks once more that the path lies strictly inside the swept directory, that
 * no directory on the way has become a symbolic link since the walk passed it (its parent's real path is the
 * path itself) and that the path is still a regular file. What fails a check is counted as an error and left
 * alone. A link swapped in between that check and the deletion itself is not caught: {@code java.nio} offers
 * no portable way to delete relative to an open directory from {@code Files.walkFileTree}.
 */
final class Disposal implements CandidateSink {

    private static final Logger LOG = LoggerFactory.getLogger(Disposal.class);
    private static final int LOGGED_ERRORS = 10;

    private final Path root;
    private final Path start;
    private final boolean dryRun;
    private final TargetTally tally;
    private int errors;
    private Path verifiedParent;

    /**
     * @param root  the real data root
     * @param start the real directory the sweep walks: {@code root} or a directory directly under it
     */
    Disposal(Path root, Path start, boolean dryRun, TargetTally tally) {
        this.root = root;
        this.start = start;
        this.dryRun = dryRun;
        this.tally = tally;
    }

    @Override
    public void accept(Candidate candidate) {
        // the label (relative path and reason) is only built for the few candidates the sample keeps
        tally.matched(() -> relative(candidate.path()) + " (" + candidate.reason() + ")");
        if (dryRun) {
            tally.freed(candidate.size());
            return;
        }
        try {
            checkInside(candidate.path());
            BasicFileAttributes now = Files.readAttributes(candidate.path(), BasicFileAttributes.class, NOFOLLOW_LINKS);
            if (!now.isRegularFile()) {
                throw new FileSystemException(candidate.path().toString(), null, "no longer a regular file");
            }
            Files.delete(candidate.path());
            tally.deleted(1);
            tally.freed(candidate.size());
        } catch (IOException e) {
            error(candidate.path(), e);
        }
    }

    /** Real runs only: removes {@code dir} if it is empty; a directory that is not empty (or gone) is no error. */
    void pruneIfEmpty(Path dir) {
        if (dryRun) {
            return;
        }
        try {
            checkInside(dir);
            Files.delete(dir);
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // still in use, or someone else was quicker: either way nothing to do
        } catch (IOException e) {
            error(dir, e);
        }
    }

    /** Counts a file or directory the sweep could not handle; the walk goes on. */
    void error(Path path, IOException e) {
        tally.error();
        errors++;
        if (errors <= LOGGED_ERRORS) {
            String more = errors == LOGGED_ERRORS ? " (further errors at debug level)" : "";
            LOG.warn("File sweep: {}: {}{}", relative(path), e, more);
        } else {
            LOG.debug("File sweep: {}: {}", relative(path), e.toString());
        }
    }

    /** {@code path} relative to the data root, '/'-separated whatever the platform. */
    String relative(Path path) {
        Path relative = root.relativize(path);
        StringBuilder text = new StringBuilder();
        for (Path name : relative) {
            text.append(text.length() == 0 ? "" : "/").append(name);
        }
        return text.toString();
    }

    private void checkInside(Path path) throws IOException {
        Path normal = path.normalize();
        if (!normal.startsWith(start) || normal.equals(start)) {
            throw new FileSystemException(path.toString(), null, "outside " + start + ", refused");
        }
        Path parent = normal.getParent();
        // the walk visits a directory's files one after another: its real path is resolved once for all of them
        // (toRealPath costs a readlink per path component), not once per file
        if (parent.equals(verifiedParent)) {
            return;
        }
        if (!parent.toRealPath().equals(parent)) {
            throw new FileSystemException(path.toString(), null, "a directory on its path is now a link, refused");
        }
        verifiedParent = parent;
    }
}
