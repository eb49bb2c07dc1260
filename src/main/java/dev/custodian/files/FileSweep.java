package dev.custodian.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.custodian.cleanup.control.PlanItem;
import dev.custodian.cleanup.control.RunPlan;
import dev.custodian.cleanup.control.TargetTally;
import dev.custodian.platform.config.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
 *
 * <p>Where the file system offers {@link SecureDirectoryStream}s (Linux), the walk goes relative to open
 * directories from the data root down ({@link DirectoryWalk}); elsewhere it is {@code Files.walkFileTree}
 * ({@link SweepVisitor}). Both select the same files.
 */
public final class FileSweep {

    private static final Logger LOG = LoggerFactory.getLogger(FileSweep.class);

    /** Never entered by {@link Sweep#PATTERNS}: see there. */
    static final Set<String> NOT_FOR_PATTERNS = Set.of("temp", "input", "output", "backups", "db", "lost+found");

    private final FilePolicy policy;
    private final ReferenceCheck references;
    private final Globs tempNames;
    private final Globs protectedNames;
    private final boolean byPath;

    /** @param references answers the orphan sweep; {@link ReferenceCheck#EVERYTHING} where there is none */
    public FileSweep(FilePolicy policy, ReferenceCheck references) {
        this(policy, references, false);
    }

    private FileSweep(FilePolicy policy, ReferenceCheck references, boolean byPath) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.references = Objects.requireNonNull(references, "references");
        this.tempNames = Globs.of(policy.tempPatterns());
        this.protectedNames = Globs.of(policy.protectedPatterns());
        this.byPath = byPath;
    }

    /**
     * Walks the sweep's directory once, counting into {@code tally} (and, unless {@code dryRun}, deleting) each
     * file the sweep selects as of {@code now}. A missing data root or directory matches nothing.
     */
    public void run(Path dataRoot, Sweep sweep, Instant now, boolean dryRun, TargetTally tally) {
        run(dataRoot, sweep, now, dryRun, tally, RunPlan.NONE);
    }

    /** As {@link #run(Path, Sweep, Instant, boolean, TargetTally)}, recording in or restricted by the run's plan. */
    public void run(Path dataRoot, Sweep sweep, Instant now, boolean dryRun, TargetTally tally, RunPlan plan) {
        Optional<Path> root = realPath(dataRoot, tally);
        if (root.isEmpty()) {
            return;
        }
        Path start = root.get().resolve(sweep.directory());
        Disposal disposal = new Disposal(root.get(), start, dryRun, tally, sweep == Sweep.ORPHANS, plan, reasons(sweep, now));
        // orphans wait in a batch for the reference check, so their disposal reads them once more
        CandidateSink sink = sweep == Sweep.ORPHANS ? new OrphanBatch(references, disposal) : disposal;
        Walk walk = new Walk(sweep == Sweep.PATTERNS ? NOT_FOR_PATTERNS : Set.of(),
                sweep == Sweep.ORPHANS ? 1 : Integer.MAX_VALUE, selector(sweep, now),
                sweep == Sweep.TEMP ? policy.tempCutoff(now) : null, sink, disposal);
        if (byPath || !walkOpenDirectories(root.get(), sweep, start, walk)) {
            walkByPath(start, walk);
        }
    }

    /** This sweep walking by path even where secure directory streams exist: to test the fallback anywhere. */
    FileSweep byPath() {
        return new FileSweep(policy, references, true);
    }

    /** What one sweep's walk does, whichever walk it is. */
    private record Walk(Set<String> skippedChildren, int maxDepth, Selector selector,
            Instant pruneCutoff, CandidateSink sink, Disposal disposal) {
    }

    /**
     * The walk relative to open directories ({@link DirectoryWalk}), from the data root down to the swept
     * directory too. Returns {@code false}, having done nothing, where the file system has no secure directory
     * streams.
     */
    private static boolean walkOpenDirectories(Path root, Sweep sweep, Path start, Walk walk) {
        try (DirectoryStream<Path> rootStream = Files.newDirectoryStream(root)) {
            if (!(rootStream instanceof SecureDirectoryStream<Path> openRoot)) {
                return false;
            }
            DirectoryWalk directoryWalk = new DirectoryWalk(walk.skippedChildren(), walk.maxDepth(),
                    walk.selector(), walk.pruneCutoff(), walk.sink(), walk.disposal());
            if (sweep.directory().isEmpty()) {
                directoryWalk.walk(openRoot, start);
                return true;
            }
            Path name = root.getFileSystem().getPath(sweep.directory());
            try (SecureDirectoryStream<Path> openStart =
                    (SecureDirectoryStream<Path>) openRoot.newDirectoryStream(name, NOFOLLOW_LINKS)) {
                directoryWalk.walk(openStart, start);
            } catch (NoSuchFileException e) {
                // nothing to sweep
            } catch (IOException e) {
                walk.disposal().error(start, Files.isSymbolicLink(start) ? notADirectory(start) : e);
            }
        } catch (NoSuchFileException e) {
            // the data root vanished: nothing to sweep
        } catch (IOException e) {
            walk.disposal().error(root, e);
        }
        return true;
    }

    private static void walkByPath(Path start, Walk walk) {
        if (!isPlainDirectory(start, walk.disposal())) {
            return;
        }
        SweepVisitor visitor = new SweepVisitor(start, walk.skippedChildren(), walk.selector(), walk.pruneCutoff(),
                walk.sink(), walk.disposal());
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), walk.maxDepth(), visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the visitor itself never throws one
        }
        walk.sink().finish();
    }

    private Selector selector(Sweep sweep, Instant now) {
        // compared as FileTimes, as the attributes give them: no Instant per file
        FileTime tempCutoff = FileTime.from(policy.tempCutoff(now));
        FileTime logCutoff = FileTime.from(policy.logCutoff(now));
        FileTime orphanCutoff = FileTime.from(policy.orphanCutoff(now));
        return switch (sweep) {
            case TEMP -> (name, modified) -> keep(name) || !before(modified, tempCutoff) ? null : "age";
            case PATTERNS -> (name, modified) ->
                    keep(name) || !tempNames.matches(name) || !before(modified, tempCutoff) ? null : "pattern";
            case LOGS -> (name, modified) ->
                    keep(name) || tempNames.matches(name) || !before(modified, logCutoff) ? null : "age";
            case ORPHANS -> (name, modified) -> keep(name) || !before(modified, orphanCutoff) ? null : "orphan";
        };
    }

    /** A candidate's reason as a plan lists it: {@code temp age 9d > 7d}, {@code log age 40d > 30d}, ... */
    private Function<Candidate, String> reasons(Sweep sweep, Instant now) {
        String rule = switch (sweep) {
            case TEMP -> "temp age %s > " + Durations.format(policy.tempMaxAge());
            case PATTERNS -> "pattern, age %s > " + Durations.format(policy.tempMaxAge());
            case LOGS -> "log age %s > " + Durations.format(policy.logMaxAge());
            case ORPHANS -> "orphan, age %s > " + Durations.format(policy.orphanGrace());
        };
        return c -> rule.formatted(PlanItem.age(Duration.between(c.modified().toInstant(), now)));
    }

    private static boolean before(FileTime modified, FileTime cutoff) {
        return modified.compareTo(cutoff) < 0;
    }

    private boolean keep(Path name) {
        return protectedNames.matches(name);
    }

    private static FileSystemException notADirectory(Path dir) {
        return new FileSystemException(dir.toString(), null, "not a directory (links are not followed)");
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
            disposal.error(dir, notADirectory(dir));
        } catch (NoSuchFileException e) {
            // nothing to sweep
        } catch (IOException e) {
            disposal.error(dir, e);
        }
        return false;
    }
}
