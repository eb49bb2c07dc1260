package dev.custodian.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Glob patterns matched against a file's name only (never its path), compiled once per sweep. Every file of a
 * sweep is matched, so the common forms skip the regular expression a {@link PathMatcher} runs: a plain name
 * ({@code current.log}) is compared, {@code *suffix} ({@code *.tmp}) is a suffix test; any other glob goes to the
 * file system's matcher. For a name (no '/'), both give the same answer.
 */
final class Globs {

    private static final String GLOB_SYNTAX = "*?[]{}\\";

    private final List<String> names;
    private final List<String> suffixes;
    private final List<PathMatcher> matchers;

    private Globs(List<String> names, List<String> suffixes, List<PathMatcher> matchers) {
        this.names = names;
        this.suffixes = suffixes;
        this.matchers = matchers;
    }

    /** @throws IllegalArgumentException naming the first pattern that is blank, holds a '/' or is not a glob */
    static Globs of(List<String> patterns) {
        List<String> names = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank() || pattern.contains("/")) {
                throw new IllegalArgumentException("'" + pattern + "' is not a file name pattern (e.g. *.tmp; no '/')");
            }
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + pattern + "' is not a glob: " + e.getDescription());
            }
            if (isPlain(pattern)) {
                names.add(pattern);
            } else if (pattern.startsWith("*") && isPlain(pattern.substring(1))) {
                suffixes.add(pattern.substring(1));
            } else {
                matchers.add(matcher);
            }
        }
        return new Globs(List.copyOf(names), List.copyOf(suffixes), List.copyOf(matchers));
    }

    boolean matches(Path fileName) {
        String name = fileName.toString();
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        for (String plain : names) {
            if (name.equals(plain)) {
                return true;
            }
        }
        for (PathMatcher matcher : matchers) {
            if (matcher.matches(fileName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPlain(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (GLOB_SYNTAX.indexOf(pattern.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
