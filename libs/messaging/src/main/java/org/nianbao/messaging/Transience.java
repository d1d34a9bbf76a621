package org.nianbao.messaging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that may pass (the database or the broker away for a while, a lost connection, a deadlock)
 * from one that never will (a malformed event, a document over its limits). Only the first is retried; only the
 * second goes to a dead-letter topic at once.
 */
public final class Transience {
    /** SQLSTATE classes and codes that name a passing condition: connection (08), resources (53), shutdown, retryable. */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");
    private static final Set<String> TRANSIENT_TYPE_NAMES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.HttpClosedException",
            "io.netty.channel.ConnectTimeoutException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "io.vertx.core.impl.NoStackTraceThrowable");
    /** Messages of connection loss from clients that throw a generic type for it. */
    private static final String[] TRANSIENT_MESSAGES = {
            "connection is closed", "connection refused", "connection reset", "failed to read any response",
            "closed connection", "pool closed", "timeout", "timed out", "broken pipe", "no route to host",
            "connection was closed", "connection has been closed", "topic not present in metadata", "not enough replicas", "the database system is"};

    private Transience() {
    }

    /** True when the failure, or any of its causes, is one that may pass if tried again later. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException || t instanceof PermanentFailure) {
                return false;
            }
            if (t instanceof TransientFailure || t instanceof ConnectException || t instanceof SocketException
                    || t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || TRANSIENT_TYPE_NAMES.contains(t.getClass().getName())
                    || transientSqlState(t) || transientMessage(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientSqlState(Throwable t) {
        String state = sqlState(t);
        return state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_SQL_STATES.contains(state));
    }

    /** The SQLSTATE of a JDBC or Vert.x PostgreSQL error (read by name: the lib depends on neither driver). */
    private static String sqlState(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        if (t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            try {
                return (String) t.getClass().getMethod("getSqlState").invoke(t);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean transientMessage(Throwable t) {
        if (!(t instanceof IOException || t instanceof IllegalStateException
                || t.getClass().getName().startsWith("io.vertx") || t.getClass().getName().startsWith("org.hibernate"))) {
            return false;
        }
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        for (String m : TRANSIENT_MESSAGES) {
            if (message.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /** A failure its thrower knows may pass (a document store that answered 503, say): retried. */
    public static final class TransientFailure extends RuntimeException {
        public TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A failure its thrower knows will not pass (a document over its limits, say): dead-lettered at once. */
    public static class PermanentFailure extends RuntimeException {
        public PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }

        public PermanentFailure(String message) {
            super(message);
        }
    }

    /** An event that cannot be read; never retried. */
    public static final class MalformedEventException extends PermanentFailure {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
