package dev.custodian.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the job database answers a real query within {@value #TIMEOUT_SECONDS} seconds: a query on the
 * job table, not a pooled connection's own validity, which an embedded database closed under the pool (H2 after an
 * out-of-memory error) or a connection kept from before an outage may still claim.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/custodian")
    DataSource database;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet answer = statement.executeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM job FETCH FIRST 1 ROWS ONLY) probe")) {
                answer.next();
            }
            return HealthCheckResponse.up("database");
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
