package dev.custodian.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command in docs/operations.md is one that a test runs: each fenced block carries a marker, and the marker
 * names either the test that runs the block as it stands (that test looks the block up by the same name), the test
 * selection flags the build honours, or why the block is not run here.
 */
class OperationsDocTest {

    private static final Path OPERATIONS = Path.of("docs/operations.md");

    /** Marker → the test source that runs the block. */
    private static final Map<String, String> RUNNERS = Map.of(
            "payara-micro-h2", "src/test/java/dev/custodian/it/OperationsCommandsIT.java",
            "payara-micro-postgres", "src/test/java/dev/custodian/it/OperationsCommandsIT.java",
            "payara-server", "src/test/java/dev/custodian/it/PayaraServer.java",
            "wildfly", "src/test/java/dev/custodian/it/WildFlyServer.java",
            "promtool", "src/test/java/dev/custodian/monitoring/AlertRulesTest.java",
            "password-hash", "src/test/java/dev/custodian/platform/security/PasswordHashTest.java");

    private static final Pattern SKIP_FLAG = Pattern.compile("-D(it\\.[a-z-]+\\.skip)=true");

    @Test
    void every_block_is_run_by_a_test_or_says_why_not() throws IOException {
        List<MarkedBlocks.Block> blocks = MarkedBlocks.in(OPERATIONS);
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(RUNNERS.size());
        for (MarkedBlocks.Block block : blocks) {
            String where = OPERATIONS + ":" + block.line();
            assertThat(block.marker()).as("the marker before the block at %s", where).isNotNull();
            if (block.marker().startsWith("not-run: ")) {
                assertThat(block.marker().substring("not-run: ".length())).as("the reason at %s", where).hasSizeGreaterThan(20);
            } else if (!block.marker().equals("test-selection")) {
                assertThat(RUNNERS).as("a test for <!-- %s --> at %s", block.marker(), where).containsKey(block.marker());
                assertThat(Files.readString(Path.of(RUNNERS.get(block.marker()))))
                        .as("%s looks up the block <!-- %s -->", RUNNERS.get(block.marker()), block.marker())
                        .contains("\"" + block.marker() + "\"");
            }
        }
    }

    @Test
    void every_marked_runner_has_its_block() throws IOException {
        List<String> markers = MarkedBlocks.in(OPERATIONS).stream().map(MarkedBlocks.Block::marker).toList();
        assertThat(markers).containsAll(RUNNERS.keySet());
    }

    /** The commands that run part of the suite name only skip flags the build defines. */
    @Test
    void the_test_selections_use_the_skip_flags_of_the_build() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String selections = MarkedBlocks.named(OPERATIONS, "test-selection");
        Matcher flag = SKIP_FLAG.matcher(selections);
        int flags = 0;
        while (flag.find()) {
            flags++;
            assertThat(pom).as("pom.xml uses ${%s}", flag.group(1)).contains("${" + flag.group(1) + "}");
        }
        assertThat(flags).isGreaterThanOrEqualTo(4);
        selections.lines().filter(line -> !line.isBlank())
                .forEach(line -> assertThat(line).startsWith("mvn -B verify -Dit."));
    }
}
