package dev.custodian.platform.storage;

import dev.custodian.platform.config.InvalidConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * A data root belongs to one database. The first start writes {@value #MARKER} with the database's id (a row of
 * its {@code installation} table) and where it is; every start checks it, and a root marked by another database is
 * refused: that database's jobs own the files there, and this one's orphan sweep would delete them.
 * A root without a marker (new, or from a version before markers) is claimed by the database that starts first.
 */
public final class DataRootOwner {

    public static final String MARKER = ".custodian-owner";

    private DataRootOwner() {
    }

    /**
     * Claims {@code root} for the database {@code id} (described by {@code where}, e.g. its JDBC URL), or checks
     * that it is already this database's.
     *
     * @throws InvalidConfigurationException for {@code custodian.data.dir} when another database owns the root
     */
    public static void claim(Path root, String id, String where) {
        Path marker = root.resolve(MARKER);
        try {
            if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                write(marker, id, where);
            }
            Properties owner = read(marker);
            String ownerId = owner.getProperty("database-id", "");
            if (!ownerId.equals(id)) {
                throw new InvalidConfigurationException(DataRoot.KEY, root.toString(),
                        "this data root belongs to another database (id " + ownerId + ", "
                                + owner.getProperty("database", "unknown") + "), not to this server's database (id "
                                + id + ", " + where + "); give each database its own data root, or delete " + marker
                                + " if this database replaced that one on purpose");
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(DataRoot.KEY, root.toString(), "cannot read or write " + marker + ": " + e);
        }
    }

    private static Properties read(Path marker) throws IOException {
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file");
        }
        Properties owner = new Properties();
        owner.load(new StringReader(Files.readString(marker, StandardCharsets.UTF_8)));
        return owner;
    }

    /** Written to a temporary file and moved in place, so that two instances starting at once never see half a marker. */
    private static void write(Path marker, String id, String where) throws IOException {
        Path partial = Files.createTempFile(marker.getParent(), MARKER, ".tmp");
        try {
            String text = "# Custodian: the database this data root belongs to (custodian.data.dir); see DataRootOwner\n"
                    + "database-id=" + id + "\n"
                    + "database=" + where.replace("\\", "\\\\").replace("\n", " ") + "\n";
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // another instance wrote it first; it is checked like any other
            }
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
