package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A data root that would put the file sweeps over the whole system, the home directory or the server itself
 * stops the deployment, naming the key, and the API never comes up. Runs once (PostgreSQL execution), each case
 * its own Payara Micro process.
 */
@EnabledIfSystemProperty(named = "it.database", matches = "postgres")
class DataRootRefusalIT {

    @ParameterizedTest
    @ValueSource(strings = {"/", "${user.home}"})
    void a_dangerous_data_root_stops_the_deployment(String dataRoot) throws Exception {
        String root = dataRoot.replace("${user.home}", System.getProperty("user.home"));
        try (ServerProcess server = ServerProcess.onPostgres("refused", 18206, "custodian_it",
                Map.of("custodian.data.dir", root, "custodian.security.users", "alice",
                        "custodian.security.user.alice.password", "plain:alice-pw"))) {
            String output = server.startRefused("Invalid configuration custodian.data.dir=" + root);

            assertThat(output).contains("Invalid configuration custodian.data.dir=" + root);
            int status;
            try {
                status = Api.at(server.base(), "alice", "alice-pw").get("/api/jobs").status();
            } catch (java.io.UncheckedIOException e) {
                status = -1; // nothing listens any more: the server gave up
            }
            assertThat(status).as("the API must not be up").isNotEqualTo(200);
        }
    }

    @Test
    void a_data_root_that_belongs_to_another_database_stops_the_deployment_naming_both() throws Exception {
        Path root = Paths.get("target", "it", "servers", "owned", "data").toAbsolutePath();
        Files.createDirectories(root.resolve("output"));
        Files.writeString(root.resolve("output/job-of-the-other-database.json"), "{}");
        Files.writeString(root.resolve(".custodian-owner"),
                "database-id=3f1d0c4e-0000-4000-8000-000000000001\ndatabase=jdbc:h2:file:./data/db/custodian\n");
        try (ServerProcess server = ServerProcess.onPostgres("owned", 18206, "custodian_it",
                Map.of("custodian.data.dir", root.toString(), "custodian.security.users", "alice",
                        "custodian.security.user.alice.password", "plain:alice-pw"))) {
            String output = server.startRefused("this data root belongs to another database");

            assertThat(output).contains("Invalid configuration custodian.data.dir=" + root,
                    "3f1d0c4e-0000-4000-8000-000000000001", "jdbc:h2:file:./data/db/custodian",
                    "jdbc:postgresql://", "custodian_it");
            assertThat(root.resolve("output/job-of-the-other-database.json")).exists();
        }
    }

    /** Not about the data root, but a server of its own too: with no users configured the 401 says how to add one. */
    @Test
    void without_users_the_401_says_that_none_are_configured_and_how_to_add_one() throws Exception {
        Path root = Paths.get("target", "it", "servers", "no-users", "data").toAbsolutePath();
        try (ServerProcess server = ServerProcess.onPostgres("no-users", 18206, "custodian_it",
                Map.of("custodian.data.dir", root.toString()))) {
            server.start();

            Api.Reply refused = Api.at(server.base(), "alice", "alice-pw").get("/api/jobs");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.object().getString("detail"))
                    .contains("No users are configured", "custodian.security.users", "CUSTODIAN_SECURITY_USERS");
        }
    }
}
