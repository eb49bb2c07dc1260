package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
}
