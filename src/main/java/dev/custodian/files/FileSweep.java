package dev.custodian.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.custodian.cleanup.control.TargetTally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Sweep} over a data root. Dry and real runs share the walk and the selection; a dry run deletes
 * nothing, so on an unchanged tree it reports the same {@code matched} and {@code bytesFreed} as the real run
 * that follows. I/O failures never stop a sweep: each is counted in the tally's errors and the walk goes on.
 *
 * <p>Safety: the data root is resolved to its real path first; the swept directory must be a real directory
 * (not a link) directly under it; links are never followed nor deleted; nothing is deleted outside the swept
 * directory (see {@link Disposal}). When in doubt, a file is kept. Stateless and thread-safe.
 */
public final class FileSweep {

    private static final Logger LOG = LoggerFactory.getLogger(FileSweep.class);

    /** Never entered by {@link Sweep#PATTERNS}: see there. */
    static final Set<String> NOT_FOR_PATTERNS = Set.of("temp", "input", "output", "backups", "db", "lost+found");

    private final FilePolicy policy;
    private final ReferenceCheck references;
    private final Globs tempNames;
    private final Globs protectedNames;

    /** @param references answers the orphan sweep; {@link ReferenceCheck#EVERYTHING} where there is none */
    public FileSweep(FilePolicy policy, ReferenceCheck references) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.references = Objects.requireNonNull(references, "references");
        this.tempNames = Globs.of(policy.tempPatterns());
        this.protectedNames = Globs.of(policy.protectedPatterns());
    }

    /**
     * Walks the sweep's directory once, counting into {@code tally} (and, unless {@code dryRun}, deleting) each
     * file the sweep selects as of {@code now}. A missing data root or directory matches nothing.
     */
    public void run(Path dataRoot, Sweep sweep, Instant now, boolean dryRun, TargetTally tally) {
        Optional<Path> root = realPath(dataRoot, tally);
        if (root.isEmpty()) {
            return;
        }
        Path start = root.get().resolve(sweep.directory());
        Disposal disposal = new Disposal(root.get(), start, dryRun, tally);
        if (!isPlainDirectory(start, disposal)) {
            return;
        }
        CandidateSink sink = sweep == Sweep.ORPHANS ? new OrphanBatch(references, disposal) : disposal;
        SweepVisitor visitor = new SweepVisitor(start, sweep == Sweep.PATTERNS ? NOT_FOR_PATTERNS : Set.of(),
                selector(sweep, now), sweep == Sweep.TEMP ? policy.tempCutoff(now) : null, sink, disposal);
        try {
            int depth = sweep == Sweep.ORPHANS ? 1 : Integer.MAX_VALUE;
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), depth, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor itself never throws one
        }
        sink.finish();
    }

    private SweepVisitor.Selector selector(Sweep sweep, Instant now) {
        Instant tempCutoff = policy.tempCutoff(now);
        Instant logCutoff = policy.logCutoff(now);
        Instant orphanCutoff = policy.orphanCutoff(now);
        return switch (sweep) {
            case TEMP -> (name, modified) -> keep(name) || !modified.isBefore(tempCutoff) ? null : "age";
            case PATTERNS -> (name, modified) ->
                    keep(name) || !tempNames.matches(name) || !modified.isBefore(tempCutoff) ? null : "pattern";
            case LOGS -> (name, modified) ->
                    keep(name) || tempNames.matches(name) || !modified.isBefore(logCutoff) ? null : "age";
            case ORPHANS -> (name, modified) -> keep(name) || !modified.isBefore(orphanCutoff) ? null : "orphan";
        };
    }

    private boolean keep(Path name) {
        return protectedNames.matches(name);
    }

    private static Optional<Path> realPath(Path dataRoot, TargetTally tally) {
        try {
            return Optional.of(dataRoot.toRealPath());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            tally.error();
            LOG.warn("File sweep: cannot resolve the data root {}: {}", dataRoot, e.toString());
            return Optional.empty();
        }
    }

    /** A missing directory is simply nothing to sweep; a link or a file in its place is an error. */
    private static boolean isPlainDirectory(Path dir, Disposal disposal) {
        try {
            if (Files.readAttributes(dir, BasicFileAttributes.class, NOFOLLOW_LINKS).isDirectory()) {
                return true;
            }
            disposal.error(dir,
                    new FileSystemException(dir.toString(), null, "not a directory (links are not followed)"));
        } catch (NoSuchFileException e) {
            // nothing to sweep
        } catch (IOException e) {
            disposal.error(dir, e);
        }
        return false;
    }
}
