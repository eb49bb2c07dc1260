package dev.custodian.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Glob patterns matched against a file's name only (never its path), compiled once per sweep. */
final class Globs {

    private final List<PathMatcher> matchers;

    private Globs(List<PathMatcher> matchers) {
        this.matchers = matchers;
    }

    /** @throws IllegalArgumentException naming the first pattern that is blank, holds a '/' or is not a glob */
    static Globs of(List<String> patterns) {
        List<PathMatcher> matchers = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank() || pattern.contains("/")) {
                throw new IllegalArgumentException("'" + pattern + "' is not a file name pattern (e.g. *.tmp; no '/')");
            }
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + pattern + "' is not a glob: " + e.getDescription());
            }
        }
        return new Globs(List.copyOf(matchers));
    }

    boolean matches(Path fileName) {
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(fileName)) {
                return true;
            }
        }
        return false;
    }
}
