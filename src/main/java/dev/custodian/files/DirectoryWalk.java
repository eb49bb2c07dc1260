package dev.custodian.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

/**
 * The walk of a sweep where the file system offers {@link SecureDirectoryStream}s (Linux): as {@code find} does,
 * each directory is opened once and everything in it is read, deleted and descended into relative to that open
 * directory ({@code fstatat}, {@code unlinkat}, {@code openat} with {@code O_NOFOLLOW}), never by a path from the
 * root. So no entry costs a path resolution, and no directory replaced by a symbolic link during the walk can
 * redirect a read or a deletion: a link met in an open directory is a link, neither selected nor entered, and a
 * deletion removes the very entry the walk read, in the very directory it read it in.
 *
 * <p>Depth first, one open directory per level of the current path: memory and descriptors grow with the depth
 * of the tree, never with its size. Selects the same files as {@link SweepVisitor}, the walk by path used
 * elsewhere.
 */
final class DirectoryWalk {

    private final Set<String> skippedChildren;
    private final int maxDepth;
    private final Selector selector;
    private final FileTime pruneCutoff;
    private final CandidateSink sink;
    private final Disposal disposal;

    /**
     * @param skippedChildren names of directories directly under the start that are not entered
     * @param maxDepth        1 to look at the start's own entries only
     * @param pruneCutoff     when not {@code null}, a directory below the start whose mtime (read before the sweep
     *                        touched it) is before this is removed if it is empty after its walk: a directory
     *                        created recently may be about to receive a file and is kept
     */
    DirectoryWalk(Set<String> skippedChildren, int maxDepth, Selector selector, Instant pruneCutoff,
            CandidateSink sink, Disposal disposal) {
        this.skippedChildren = skippedChildren;
        this.maxDepth = maxDepth;
        this.selector = selector;
        this.pruneCutoff = pruneCutoff == null ? null : FileTime.from(pruneCutoff);
        this.sink = sink;
        this.disposal = disposal;
    }

    /**
     * Walks {@code start} (the open directory at {@code path}) and hands the sink its end while {@code start} is
     * still open, so that what the sink held back is deleted relative to it too. Does not close {@code start}.
     */
    void walk(SecureDirectoryStream<Path> start, Path path) {
        walkEntries(start, path, 1);
        sink.finish();
    }

    /**
     * @param depth the depth of the directory's entries: 1 for the start's
     * @return whether the directory was read to its end (a failure midway is counted as an error)
     */
    private boolean walkEntries(SecureDirectoryStream<Path> directory, Path path, int depth) {
        try {
            for (Path entry : directory) {
                visit(directory, entry, depth);
            }
            return true;
        } catch (DirectoryIteratorException e) {
            disposal.error(path, e.getCause());
            return false;
        }
    }

    private void visit(SecureDirectoryStream<Path> directory, Path entry, int depth) {
        Path name = entry.getFileName();
        BasicFileAttributes attributes;
        try {
            attributes = directory.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return; // gone since the directory was read: nothing to do
        } catch (IOException e) {
            disposal.error(entry, e);
            return;
        }
        if (attributes.isRegularFile()) {
            String reason = selector.reason(name, attributes.lastModifiedTime());
            if (reason != null) {
                sink.accept(new Candidate(entry, reason, attributes.size(), directory, attributes.fileKey(),
                        attributes.lastModifiedTime()));
            }
        } else if (attributes.isDirectory() && depth < maxDepth
                && !(depth == 1 && skippedChildren.contains(name.toString()))) {
            descend(directory, entry, attributes, depth + 1);
        }
        // anything else (a link, a socket, a device) is neither selected nor entered
    }

    private void descend(SecureDirectoryStream<Path> parent, Path entry, BasicFileAttributes attributes, int depth) {
        boolean prunable = pruneCutoff != null && attributes.lastModifiedTime().compareTo(pruneCutoff) < 0;
        boolean complete;
        try (SecureDirectoryStream<Path> child = open(parent, entry)) {
            complete = walkEntries(child, entry, depth);
        } catch (NoSuchFileException e) {
            return; // removed since its parent was read
        } catch (IOException e) {
            // not opened (permissions; or no longer a directory: O_NOFOLLOW refuses a link put in its place), or
            // not closed, which changes nothing for what was done in it
            disposal.error(entry, e);
            return;
        }
        if (complete && prunable) {
            disposal.pruneIfEmpty(parent, entry);
        }
    }

    private static SecureDirectoryStream<Path> open(SecureDirectoryStream<Path> parent, Path entry) throws IOException {
        return (SecureDirectoryStream<Path>) parent.newDirectoryStream(entry.getFileName(), NOFOLLOW_LINKS);
    }
}
