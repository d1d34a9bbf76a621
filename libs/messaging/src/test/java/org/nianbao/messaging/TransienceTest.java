package org.nianbao.messaging;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the PostgreSQL client throws when the database goes away, as validation's @QuarkusTests provoke it
 * (connections terminated by the server, a backend killed, the server in recovery or refusing connections), is
 * retried; what can never succeed is not.
 */
class TransienceTest {

    @Test
    void connectionsDroppedByTheServerArePassing() {
        // pg_terminate_backend of the connection a transaction was using (the real run's "permanent" failure)
        assertThat(Transience.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(ClosedConnectionException.INSTANCE.getMessage()).startsWith("Failed to read any response from the server");
        // the server's own word for it, on the connections it terminates or crashes
        assertThat(Transience.isTransient(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null))).isTrue();
        assertThat(Transience.isTransient(new PgException("terminating connection because of crash of another server process", "FATAL", "57P02", null))).isTrue();
        // a backend killed: the socket reset under the client
        assertThat(Transience.isTransient(new SocketException("Connection reset"))).isTrue();
    }

    @Test
    void commandsPendingOnAClosedConnectionArePassing() {
        String message = "Pending requests failed to be sent due to connection has been closed.";
        assertThat(Transience.isTransient(new NoStackTraceThrowable(message))).isTrue();
        assertThat(Transience.isTransient(new VertxException(message, new IllegalArgumentException("decoder gave up")))).isTrue();
    }

    @Test
    void aServerStartingRecoveringOrAwayIsPassing() {
        assertThat(Transience.isTransient(new PgException("the database system is in recovery mode", "FATAL", "57P03", null))).isTrue();
        assertThat(Transience.isTransient(new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
        assertThat(Transience.isTransient(new PgException("sorry, too many clients already", "FATAL", "53300", null))).isTrue();
        assertThat(Transience.isTransient(new ConnectException("Connection refused: localhost/127.0.0.1:5432"))).isTrue();
    }

    @Test
    void aPassingCauseIsFoundUnderItsWrappers() {
        assertThat(Transience.isTransient(new CompletionException(new RuntimeException("commit failed", ClosedConnectionException.INSTANCE)))).isTrue();
    }

    @Test
    void whatCanNeverSucceedIsNot() {
        assertThat(Transience.isTransient(new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null))).isFalse();
        assertThat(Transience.isTransient(new PgException("value too long for type character varying(36)", "ERROR", "22001", null))).isFalse();
        assertThat(Transience.isTransient(new Transience.MalformedEventException("not a valid ReportParsed", null))).isFalse();
        assertThat(Transience.isTransient(new Transience.PermanentFailure("over its limits", ClosedConnectionException.INSTANCE))).isFalse();
        assertThat(Transience.isTransient(new IllegalArgumentException("issuer type must be one of …"))).isFalse();
    }
}
