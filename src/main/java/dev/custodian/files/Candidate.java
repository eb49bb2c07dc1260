package dev.custodian.files;

import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;

/**
 * A regular file a sweep selected.
 *
 * @param path      absolute, under the real data root
 * @param reason    why it was selected: {@code age}, {@code pattern} or {@code orphan}
 * @param size      its size when it was selected, from attributes read without following links
 * @param directory the open directory the walk read it in, for a check and a deletion relative to it; {@code null}
 *                  when the walk went by path (a file system without secure directory streams)
 * @param fileKey   the identity of the file the walk read ({@code BasicFileAttributes.fileKey()}), may be {@code null}
 * @param modified  its last modification time when it was selected (for the reason a plan gives)
 */
record Candidate(Path path, String reason, long size, SecureDirectoryStream<Path> directory, Object fileKey,
                 java.nio.file.attribute.FileTime modified) {

    String name() {
        return path.getFileName().toString();
    }
}
