package dev.custodian.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway, once the configuration is valid and before anything else touches the
 * database. The same migrations ({@code db/migration}) run on the embedded database and on PostgreSQL; several
 * instances starting at once are serialised by Flyway's own lock.
 */
@Singleton
@Startup
@DependsOn("ConfigValidation")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    @Resource(lookup = "jdbc/custodian")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Schema at version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        writeCommitsAtOnce();
    }

    /**
     * On the embedded database, every commit reaches the file before it returns ({@code WRITE_DELAY 0}): H2 keeps
     * commits in memory for up to half a second by default, so a process killed right after a 201 lost those jobs.
     * The server configuration's URL says so too; this covers a URL written without it. A setting of the database
     * file, so it outlives this connection. Nothing on PostgreSQL, whose commits are durable already.
     */
    private void writeCommitsAtOnce() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET WRITE_DELAY 0");
            }
        } catch (SQLException e) {
            LOG.warn("Could not make the embedded database write each commit at once (add WRITE_DELAY=0 to its URL): {}",
                    e.toString());
        }
    }
}
