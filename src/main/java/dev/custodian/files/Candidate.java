package dev.custodian.files;

import java.nio.file.Path;

/**
 * A regular file a sweep selected.
 *
 * @param path  absolute, under the real data root
 * @param label its path relative to the data root with the reason, e.g. {@code temp/a/b.tmp (age)}
 * @param size  its size when it was selected, from attributes read without following links
 */
record Candidate(Path path, String label, long size) {

    String name() {
        return path.getFileName().toString();
    }
}
