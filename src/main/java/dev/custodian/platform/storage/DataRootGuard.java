package dev.custodian.platform.storage;

import dev.custodian.platform.config.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Refuses a data root that a sweep could wreck: a file system root, the user's home directory or any of its
 * parents, or the server's installation directory or any of its parents. Paths are compared as real paths
 * as far as they exist, so a symbolic link to one of these is refused too; a data root inside home or inside
 * the installation is fine.
 */
public final class DataRootGuard {

    private static final String KEY = DataRoot.KEY;

    private final Path home;
    private final Path installation;

    /** @param installation e.g. {@code com.sun.aas.installRoot} or {@code jboss.home.dir}, else {@code user.dir} */
    public DataRootGuard(Path home, Path installation) {
        this.home = resolved(Objects.requireNonNull(home, "home"));
        this.installation = resolved(Objects.requireNonNull(installation, "installation"));
    }

    /** From {@code user.home} and Payara's {@code com.sun.aas.installRoot}, WildFly's {@code jboss.home.dir}, else {@code user.dir}. */
    public static DataRootGuard forThisServer() {
        String install = System.getProperty("com.sun.aas.installRoot", System.getProperty("jboss.home.dir", System.getProperty("user.dir")));
        return new DataRootGuard(Paths.get(System.getProperty("user.home")), Paths.get(install));
    }

    /**
     * @return the data root, absolute and as real as it exists
     * @throws InvalidConfigurationException for {@code custodian.data.dir} when the root is refused
     */
    public Path check(String configured) {
        Path root;
        try {
            root = resolved(Paths.get(configured));
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(KEY, configured, "not a path: " + e.getMessage());
        }
        if (root.getNameCount() == 0) {
            throw new InvalidConfigurationException(KEY, configured, "the data root must not be the file system root");
        }
        if (home.startsWith(root)) {
            throw new InvalidConfigurationException(KEY, configured,
                    "the data root must not be the home directory " + home + " or one of its parents");
        }
        if (installation.startsWith(root)) {
            throw new InvalidConfigurationException(KEY, configured,
                    "the data root must not be the server installation " + installation + " or one of its parents");
        }
        return root;
    }

    /** Absolute and normalized, with its longest existing part replaced by that part's real path. */
    static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
