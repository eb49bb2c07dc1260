package dev.custodian.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * One pass of {@code Files.walkFileTree} without {@code FOLLOW_LINKS}: attributes are those of the entry itself,
 * so a symbolic link (to a file or a directory, inside or outside the root, dangling or not) arrives here as a
 * link, is neither selected nor descended into, and counts nothing. Only the directories on the current path
 * are held in memory.
 */
final class SweepVisitor extends SimpleFileVisitor<Path> {

    private final Path start;
    private final Set<String> skippedChildren;
    private final Selector selector;
    private final Instant pruneCutoff;
    private final CandidateSink sink;
    private final Disposal disposal;
    /** For each directory being walked: whether it may be pruned once its walk is over. */
    private final Deque<Boolean> prunable = new ArrayDeque<>();

    /**
     * @param skippedChildren names of directories directly under {@code start} that are not entered
     * @param pruneCutoff     when not {@code null}, a directory below {@code start} whose mtime (read before the
     *                        sweep touched it) is before this is removed if it is empty after its walk: a
     *                        directory created recently may be about to receive a file and is kept
     */
    SweepVisitor(Path start, Set<String> skippedChildren, Selector selector, Instant pruneCutoff,
            CandidateSink sink, Disposal disposal) {
        this.start = start;
        this.skippedChildren = skippedChildren;
        this.selector = selector;
        this.pruneCutoff = pruneCutoff;
        this.sink = sink;
        this.disposal = disposal;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        boolean below = !dir.equals(start);
        if (below && start.equals(dir.getParent()) && skippedChildren.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
        }
        prunable.push(below && pruneCutoff != null && attrs.lastModifiedTime().toInstant().isBefore(pruneCutoff));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && !attrs.isSymbolicLink()) {
            String reason = selector.reason(file.getFileName(), attrs.lastModifiedTime());
            if (reason != null) {
                sink.accept(new Candidate(file, reason, attrs.size(), null, attrs.fileKey(), attrs.lastModifiedTime()));
            }
        }
        return FileVisitResult.CONTINUE;
    }

    /** An entry that could not be read (e.g. a directory without permission) is an error; one that vanished is not. */
    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        if (!(e instanceof NoSuchFileException)) {
            disposal.error(file, e);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        boolean prune = prunable.pop();
        if (e != null) {
            disposal.error(dir, e);
        } else if (prune) {
            disposal.pruneIfEmpty(dir);
        }
        return FileVisitResult.CONTINUE;
    }
}
