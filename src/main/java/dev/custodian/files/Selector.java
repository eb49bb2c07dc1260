package dev.custodian.files;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Decides on one regular file by its name and mtime: the reason it is a candidate, or {@code null}. */
@FunctionalInterface
interface Selector {

    String reason(Path name, FileTime modified);
}
