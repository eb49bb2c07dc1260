package dev.custodian.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures are a database outage (503); the answers themselves are checked by HostileInputIT. */
class FailuresTest {

    @Test
    void postgres_going_away_and_a_dead_pooled_connection_are_503s() {
        assertThat(Failures.isDatabaseUnavailable(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(Failures.isDatabaseUnavailable(new RuntimeException(new SQLException("I/O", "08006")))).isTrue();
        assertThat(Failures.isDatabaseUnavailable(new RuntimeException(new XAException(
                "com.sun.appserv.connectors.internal.api.PoolingException: jakarta.resource.ResourceException: This Managed "
                        + "Connection is not valid as the physical connection is not usable")))).isTrue();
        assertThat(Failures.isDatabaseUnavailable(new RuntimeException(new SQLException("The database has been closed", "90098")))).isTrue();
    }

    @Test
    void other_database_errors_and_plain_bugs_are_not_outages() {
        assertThat(Failures.isDatabaseUnavailable(new RuntimeException(new SQLException("value too long", "22001")))).isFalse();
        assertThat(Failures.isDatabaseUnavailable(new NullPointerException())).isFalse();
    }
}
