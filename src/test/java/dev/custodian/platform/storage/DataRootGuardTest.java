package dev.custodian.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.platform.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootGuardTest {

    @TempDir
    Path dir;

    private Path home;
    private Path installation;
    private DataRootGuard guard;

    @BeforeEach
    void layout() throws IOException {
        home = Files.createDirectories(dir.resolve("home/ops"));
        installation = Files.createDirectories(dir.resolve("opt/payara/glassfish"));
        guard = new DataRootGuard(home, installation);
    }

    @Test
    void a_data_root_of_its_own_is_accepted_and_returned_absolute() throws IOException {
        Path root = dir.resolve("srv/custodian/data");

        assertThat(guard.check(root.toString())).isEqualTo(dir.toRealPath().resolve("srv/custodian/data"));
    }

    @Test
    void a_data_root_inside_home_or_inside_the_installation_is_accepted() throws IOException {
        assertThat(guard.check(home.resolve("custodian-data").toString()))
                .isEqualTo(home.toRealPath().resolve("custodian-data"));
        assertThat(guard.check(installation.resolve("domains/data").toString()))
                .isEqualTo(installation.toRealPath().resolve("domains/data"));
    }

    @Test
    void the_file_system_root_is_refused() {
        assertRefused("/", "file system root");
        assertRefused("/tmp/..", "file system root");
    }

    @Test
    void the_home_directory_and_its_parents_are_refused() {
        assertRefused(home.toString(), "home directory");
        assertRefused(home.resolve("sub/..").toString(), "home directory");
        assertRefused(home.getParent().toString(), "home directory");
    }

    @Test
    void the_installation_and_its_parents_are_refused() {
        assertRefused(installation.toString(), "server installation");
        assertRefused(dir.resolve("opt").toString(), "server installation");
    }

    @Test
    void a_link_to_a_refused_directory_is_refused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("data-link"), installation.getParent());

        assertRefused(link.toString(), "server installation");
        assertRefused(link.resolve("glassfish").toString(), "server installation");
    }

    private void assertRefused(String configured, String reason) {
        assertThatThrownBy(() -> guard.check(configured))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid configuration custodian.data.dir=" + configured + ": ")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo("custodian.data.dir"));
    }
}
