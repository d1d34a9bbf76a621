package org.nianbao.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * A real PostgreSQL server (zonky embedded binaries) whose data directory survives restarts: {@link #close()} stops
 * the server ({@code pg_ctl stop -m fast}) and keeps the data; {@link #start()} starts it again on the same port and
 * data directory (initdb runs only when the directory has no {@code postgresql.conf}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    public EmbeddedDatabase(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public synchronized EmbeddedDatabase start() throws IOException {
        if (postgres != null) {
            return this;
        }
        Files.createDirectories(dataDir);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .start();
        return this;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the databases that do not exist yet. */
    public void createDatabases(Collection<String> names) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!rs.next()) {
                        st.execute("CREATE DATABASE " + name);
                    }
                }
            }
        }
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /**
     * Terminates every client connection to the given databases ({@code pg_terminate_backend}), as a database fail-over
     * or a network cut would, and returns how many there were.
     */
    public int terminateConnections(Collection<String> databases) throws SQLException {
        EmbeddedPostgres running;
        synchronized (this) {
            running = postgres;
        }
        if (running == null) {
            return 0;
        }
        String in = String.join(",", databases.stream().map(d -> "'" + d.replace("'", "''") + "'").toList());
        try (Connection c = running.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE datname IN (" + in + ") AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
