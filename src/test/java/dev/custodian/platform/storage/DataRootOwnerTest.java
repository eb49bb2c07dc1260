package dev.custodian.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.platform.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootOwnerTest {

    private static final String H2 = "jdbc:h2:file:./data/db/custodian";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/custodian";

    @TempDir
    Path root;

    @Test
    void the_first_start_marks_the_root_with_its_database_and_later_starts_of_that_database_pass() throws IOException {
        DataRootOwner.claim(root, "id-h2", H2);
        DataRootOwner.claim(root, "id-h2", H2);

        assertThat(Files.readString(root.resolve(DataRootOwner.MARKER))).contains("database-id=id-h2", H2);
        try (var files = Files.list(root)) {
            assertThat(files).containsExactly(root.resolve(DataRootOwner.MARKER));
        }
    }

    @Test
    void another_database_is_refused_with_a_message_naming_both() {
        DataRootOwner.claim(root, "id-h2", H2);

        assertThatThrownBy(() -> DataRootOwner.claim(root, "id-pg", POSTGRES))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("custodian.data.dir=" + root)
                .hasMessageContaining("id-h2").hasMessageContaining(H2)
                .hasMessageContaining("id-pg").hasMessageContaining(POSTGRES)
                .hasMessageContaining(DataRootOwner.MARKER);
        assertThat(root.resolve(DataRootOwner.MARKER)).content().contains("id-h2");
    }

    @Test
    void a_marker_that_is_a_link_is_refused() throws IOException {
        Path elsewhere = Files.writeString(Files.createTempFile("owner", ".txt"), "database-id=id-h2\n");
        Files.createSymbolicLink(root.resolve(DataRootOwner.MARKER), elsewhere);

        assertThatThrownBy(() -> DataRootOwner.claim(root, "id-h2", H2)).isInstanceOf(InvalidConfigurationException.class);
        Files.delete(elsewhere);
    }
}
