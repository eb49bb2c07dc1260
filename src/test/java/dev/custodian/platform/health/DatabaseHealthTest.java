package dev.custodian.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness against a real embedded database (H2, as shipped): the defect of issue 14 was a pool that kept handing
 * out connections of an H2 database that had closed itself after an OutOfMemoryError, while readiness stayed UP.
 */
class DatabaseHealthTest {

    private static final String URL = "jdbc:h2:mem:readiness;DB_CLOSE_DELAY=-1";

    private Connection pooled;
    private final DatabaseHealth health = new DatabaseHealth();

    @BeforeAll
    static void responses() {
        PlainResponses.install();
    }

    @BeforeEach
    void open() throws SQLException {
        pooled = DriverManager.getConnection(URL);
        try (Statement s = pooled.createStatement()) {
            s.execute("CREATE TABLE job (id INT)");
        }
        health.database = poolOf(pooled);
    }

    @AfterEach
    void close() throws SQLException {
        pooled.close();
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void up_while_the_job_table_answers() {
        HealthCheckResponse answer = health.call();

        assertThat(answer.getName()).isEqualTo("database");
        assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void down_when_the_pool_hands_out_a_connection_of_an_embedded_database_that_closed() throws SQLException {
        try (Connection other = DriverManager.getConnection(URL); Statement s = other.createStatement()) {
            s.execute("SHUTDOWN");
        }

        HealthCheckResponse answer = health.call();

        assertThat(answer.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(answer.getData()).hasValueSatisfying(data -> assertThat(data.get("error").toString()).containsIgnoringCase("closed"));
    }

    @Test
    void down_when_the_database_has_no_job_table() throws SQLException {
        try (Statement s = pooled.createStatement()) {
            s.execute("DROP TABLE job");
        }

        assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    /** A pool of one connection, handed out again after each close, as a pool that has not noticed it is dead. */
    private static DataSource poolOf(Connection connection) {
        Connection kept = (Connection) Proxy.newProxyInstance(DatabaseHealthTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(DatabaseHealthTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
