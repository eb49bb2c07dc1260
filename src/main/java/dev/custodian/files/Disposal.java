package dev.custodian.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.RunPlan;
import dev.custodian.cleanup.control.TargetTally;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every sweep's one selection path, and the only place where a dry run and a real run differ: both
 * count each candidate and its bytes; only a real run deletes it.
 *
 * <p>A candidate of a {@link DirectoryWalk} is deleted ({@code unlinkat}) relative to the open directory the walk
 * read it in, so no directory on its path can have been swapped for a link in the meantime, and a link put in the
 * file's own place would be removed itself, its target untouched. It is deleted right after the walk read it, so
 * that read is the check; a candidate that waited (for the orphan sweep's reference check) is read once more
 * ({@code fstatat} on the same directory) and deleted only if it is still the same regular file. A candidate of a
 * walk by path ({@link SweepVisitor}) is checked by path: strictly inside the swept directory, its parent's real
 * path the path itself (no directory on the way has become a link since the walk passed it), still the same
 * regular file; a link swapped in between that check and the deletion itself is not caught there. What fails a
 * check is counted as an error and left alone. A dry run records each candidate in its plan; an apply run deletes
 * only the candidates its plan lists (and prunes no directories, which no plan lists).
 */
final class Disposal implements CandidateSink {

    private static final Logger LOG = LoggerFactory.getLogger(Disposal.class);
    private static final int LOGGED_ERRORS = 10;

    private final Path root;
    private final Path start;
    private final boolean dryRun;
    private final TargetTally tally;
    private final boolean waited;
    private final RunPlan plan;
    private final Function<Candidate, String> reasons;
    private int errors;
    private Path verifiedParent;

    /**
     * @param root  the real data root
     * @param start the real directory the sweep walks: {@code root} or a directory directly under it
     * @param waited whether candidates arrive a while after the walk read them (held back for a check)
     */
    Disposal(Path root, Path start, boolean dryRun, TargetTally tally, boolean waited) {
        this(root, start, dryRun, tally, waited, RunPlan.NONE, Candidate::reason);
    }

    /**
     * @param plan    a dry run records each candidate there; an apply run deletes only the candidates it lists
     * @param reasons the reason a candidate is listed with ({@code temp age 9d > 7d})
     */
    Disposal(Path root, Path start, boolean dryRun, TargetTally tally, boolean waited, RunPlan plan,
             Function<Candidate, String> reasons) {
        this.root = root;
        this.start = start;
        this.dryRun = dryRun;
        this.tally = tally;
        this.waited = waited;
        this.plan = plan;
        this.reasons = reasons;
    }

    @Override
    public void accept(Candidate candidate) {
        if (plan.recording()) {
            PlanItem item = new PlanItem(relative(candidate.path()), PlanItem.DELETE, reasons.apply(candidate), candidate.size());
            plan.record(FileRetention.NAME, item);
            tally.matched(item::label);
        } else if (plan.restricted() && !plan.allows(FileRetention.NAME, PlanItem.DELETE, relative(candidate.path()))) {
            return; // not in the plan being applied: kept, and not counted
        } else {
            // the label (relative path and reason) is only built for the few candidates the sample keeps
            tally.matched(() -> PlanItem.label(relative(candidate.path()), reasons.apply(candidate)));
        }
        if (dryRun) {
            tally.wouldFree(candidate.size());
            return;
        }
        try {
            if (candidate.directory() != null) {
                deleteInDirectory(candidate);
            } else {
                deleteByPath(candidate);
            }
            tally.deleted(1);
            tally.freed(candidate.size());
            if (plan.restricted()) {
                plan.applied(FileRetention.NAME, java.util.List.of(relative(candidate.path())));
            }
        } catch (IOException e) {
            error(candidate.path(), e);
        }
    }

    /** Real runs only: removes {@code dir} if it is empty; a directory that is not empty (or gone) is no error. */
    void pruneIfEmpty(Path dir) {
        if (dryRun || plan.restricted()) {
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

    /**
     * As {@link #pruneIfEmpty(Path)} for the entry {@code dir} of the open directory {@code parent}: removed
     * relative to it ({@code unlinkat} with {@code AT_REMOVEDIR}, which refuses a link put in its place).
     */
    void pruneIfEmpty(SecureDirectoryStream<Path> parent, Path dir) {
        if (dryRun || plan.restricted()) {
            return;
        }
        try {
            parent.deleteDirectory(dir.getFileName());
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

    private void deleteInDirectory(Candidate candidate) throws IOException {
        Path name = candidate.path().getFileName();
        if (waited) {
            checkSame(candidate, candidate.directory()
                    .getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS).readAttributes());
        }
        candidate.directory().deleteFile(name);
    }

    private void deleteByPath(Candidate candidate) throws IOException {
        checkInside(candidate.path());
        checkSame(candidate, Files.readAttributes(candidate.path(), BasicFileAttributes.class, NOFOLLOW_LINKS));
        Files.delete(candidate.path());
    }

    private static void checkSame(Candidate candidate, BasicFileAttributes now) throws IOException {
        if (!now.isRegularFile() || !Objects.equals(now.fileKey(), candidate.fileKey())) {
            throw new FileSystemException(candidate.path().toString(), null, "no longer the file the sweep selected");
        }
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
