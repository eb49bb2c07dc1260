package dev.custodian.files;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the file sweeps may delete. Invariants: every duration is present and not negative; the pattern lists
 * are immutable and hold only valid globs, each matched against a file's name (never its path).
 *
 * @param tempMaxAge        a file under {@code temp/}, or named by {@code tempPatterns}, is deleted once its
 *                          mtime is strictly before {@code now - tempMaxAge}
 * @param logMaxAge         the same for files under {@code logs/}
 * @param tempPatterns      names of temporary files wherever they are (e.g. {@code *.tmp})
 * @param protectedPatterns names no sweep ever deletes (e.g. the active log, {@code current.log})
 * @param orphanGrace       an unreferenced file under {@code output/} is deleted once older than this, so that
 *                          output a running job is still writing is left alone
 */
public record FilePolicy(Duration tempMaxAge, Duration logMaxAge, List<String> tempPatterns,
        List<String> protectedPatterns, Duration orphanGrace) {

    /** The shipped defaults; {@code META-INF/microprofile-config.properties} holds the same values. */
    public static final FilePolicy DEFAULTS = new FilePolicy(Duration.ofDays(7), Duration.ofDays(30),
            List.of("*.tmp", "*.temp", "*.cache"), List.of("current.log", "*.current.log"), Duration.ofHours(1));

    public FilePolicy {
        notNegative("tempMaxAge", tempMaxAge);
        notNegative("logMaxAge", logMaxAge);
        notNegative("orphanGrace", orphanGrace);
        tempPatterns = List.copyOf(Objects.requireNonNull(tempPatterns, "tempPatterns"));
        protectedPatterns = List.copyOf(Objects.requireNonNull(protectedPatterns, "protectedPatterns"));
        Globs.of(tempPatterns);
        Globs.of(protectedPatterns);
    }

    /** This policy with another temp age, e.g. a per-run override. */
    public FilePolicy withTempMaxAge(Duration age) {
        return new FilePolicy(age, logMaxAge, tempPatterns, protectedPatterns, orphanGrace);
    }

    /** This policy with another log age, e.g. a per-run override. */
    public FilePolicy withLogMaxAge(Duration age) {
        return new FilePolicy(tempMaxAge, age, tempPatterns, protectedPatterns, orphanGrace);
    }

    public FilePolicy withOrphanGrace(Duration grace) {
        return new FilePolicy(tempMaxAge, logMaxAge, tempPatterns, protectedPatterns, grace);
    }

    /** Files modified strictly before this instant are old enough for the temp and pattern sweeps. */
    public Instant tempCutoff(Instant now) {
        return now.minus(tempMaxAge);
    }

    public Instant logCutoff(Instant now) {
        return now.minus(logMaxAge);
    }

    public Instant orphanCutoff(Instant now) {
        return now.minus(orphanGrace);
    }

    private static void notNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
