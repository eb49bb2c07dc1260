package dev.custodian.files;

import java.nio.file.Path;

/**
 * A regular file a sweep selected.
 *
 * @param path  absolute, under the real data root
 * @param reason why it was selected: {@code age}, {@code pattern} or {@code orphan}
 * @param size  its size when it was selected, from attributes read without following links
 */
record Candidate(Path path, String reason, long size) {

    String name() {
        return path.getFileName().toString();
    }
}
