package dev.custodian.platform.persistence;

import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.storage.DataRoot;
import dev.custodian.platform.storage.DataRootOwner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway, once the configuration is valid and before anything else touches the
 * database. The same migrations ({@code db/migration}) run on the embedded database and on PostgreSQL, which also
 * gets its own ({@code db/postgresql}, numbered among them); several instances starting at once are serialised by
 * Flyway's own lock.
 */
@Singleton
@Startup
@DependsOn("ConfigValidation")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    @Inject
    DataRoot dataRoot;

    @Resource(lookup = "jdbc/custodian")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        String product = productName();
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("PostgreSQL".equalsIgnoreCase(product)
                        ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                        : new String[] {"classpath:db/migration"})
                .load()
                .migrate();
        LOG.info("Schema at version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        if ("H2".equalsIgnoreCase(product)) {
            writeCommitsAtOnce();
        }
        claimDataRoot();
    }

    /** The database's product name, which picks the migrations: on PostgreSQL also {@code db/postgresql}. */
    private String productName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema: " + e.getMessage(), e);
        }
    }

    /**
     * On the embedded database, every commit reaches the file before it returns ({@code WRITE_DELAY 0}): H2 keeps
     * commits in memory for up to half a second by default, so a process killed right after a 201 lost those jobs.
     * The server configuration's URL says so too; this covers a URL written without it. A setting of the database
     * file, so it outlives this connection. Not on PostgreSQL, whose commits are durable already.
     */
    private void writeCommitsAtOnce() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            LOG.warn("Could not make the embedded database write each commit at once (add WRITE_DELAY=0 to its URL): {}",
                    e.toString());
        }
    }

    /** Before any job runs or any file is swept: the data root must be this database's ({@link DataRootOwner}). */
    private void claimDataRoot() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String where = connection.getMetaData().getURL();
            DataRootOwner.claim(dataRoot.root(), installationId(connection), where);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read this database's id (table installation): " + e.getMessage(), e);
        } catch (InvalidConfigurationException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** The id in the one row of {@code installation}, written by whichever instance gets there first. */
    private static String installationId(Connection connection) throws SQLException {
        Optional<String> id = readId(connection);
        if (id.isPresent()) {
            return id.get();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO installation (singleton, id, created_at) VALUES (1, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            // another instance inserted it first (primary key); read theirs
        }
        return readId(connection).orElseThrow(() -> new SQLException("no row in table installation"));
    }

    private static Optional<String> readId(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT id FROM installation WHERE singleton = 1")) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }
}
