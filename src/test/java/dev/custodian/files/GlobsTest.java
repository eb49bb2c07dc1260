package dev.custodian.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobsTest {

    private static final List<String> NAMES = List.of("current.log", "app.current.log", "x.tmp", "x.tmp.gz", ".tmp",
            "tmp", "a.TMP", "report-1.csv", "report-12.csv", "b.cache", "current.log.1", "*.tmp", "a{b}.x");

    @Test
    void plain_names_suffixes_and_other_globs_match_as_the_file_systems_glob_does() {
        List<String> patterns = List.of("current.log", "*.current.log", "*.tmp", "report-?.csv", "*.{cache,temp}", "*",
                "a\\{b\\}.x");
        for (String pattern : patterns) {
            Globs globs = Globs.of(List.of(pattern));
            var reference = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (String name : NAMES) {
                assertThat(globs.matches(Path.of(name))).as("%s against %s", name, pattern)
                        .isEqualTo(reference.matches(Path.of(name)));
            }
        }
    }

    @Test
    void a_name_matches_when_any_pattern_does() {
        Globs globs = Globs.of(List.of("current.log", "*.tmp", "report-?.csv"));

        assertThat(NAMES.stream().filter(name -> globs.matches(Path.of(name))))
                .containsExactlyInAnyOrder("current.log", "x.tmp", ".tmp", "report-1.csv", "*.tmp");
    }
}
