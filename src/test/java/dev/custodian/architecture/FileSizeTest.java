package dev.custodian.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small pieces (STYLE 13): no Java file under src/main is over 300 lines. */
class FileSizeTest {

    private static final int MAX_LINES = 300;
    @Test
    void no_main_java_file_is_over_300_lines() throws IOException {
        Path main = Path.of("src/main/java");
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.walk(main)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String name = main.relativize(f).toString().replace('\\', '/');
                long lines = lines(f);
                if (lines > MAX_LINES) {
                    tooLong.put(name, lines);
                }
            });
        }
        assertThat(tooLong).as("files over %d lines", MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
