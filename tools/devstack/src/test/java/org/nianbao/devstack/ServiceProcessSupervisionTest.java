package org.nianbao.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor of {@link ServiceProcess}, with {@code sh} as the child process and short backoffs. */
class ServiceProcessSupervisionTest {
    @TempDir
    Path dir;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private ServiceProcess process;

    private ServiceProcess child(String script, Duration stableAfter) {
        process = new ServiceProcess("fake", List.of("sh", "-c", script), 0, Map.of(), dir.resolve("fake.log"),
                events::add, Duration.ofMillis(100), Duration.ofMillis(400), stableAfter);
        return process;
    }

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.stop();
        }
    }

    @Test
    void aKilledProcessIsRestartedAndTheExitIsReported() throws Exception {
        ServiceProcess p = child("sleep 60", Duration.ofSeconds(60));
        p.start();
        long first = p.pid();
        p.kill();
        await(() -> p.restarts() == 1 && p.isAlive());
        assertThat(p.pid()).isNotEqualTo(first);
        assertThat(events).containsExactly("fake exited with code 137; restarting in 0.1 s (restart 1)");
    }

    @Test
    void aDeliberateStopIsNotFought() throws Exception {
        ServiceProcess p = child("sleep 60", Duration.ofSeconds(60));
        p.start();
        p.stop();
        Thread.sleep(500);
        assertThat(p.isAlive()).isFalse();
        assertThat(p.restarts()).isZero();
        assertThat(events).isEmpty();
        p.start();
        assertThat(p.isAlive()).isTrue();
    }

    @Test
    void aCrashLoopBacksOffExponentiallyUpToTheCap() throws Exception {
        ServiceProcess p = child("exit 3", Duration.ofSeconds(60));
        p.start();
        await(() -> p.restarts() >= 5);
        p.stop();
        assertThat(events.subList(0, 5)).containsExactly(
                "fake exited with code 3; restarting in 0.1 s (restart 1)",
                "fake exited with code 3; restarting in 0.2 s (restart 2)",
                "fake exited with code 3; restarting in 0.4 s (restart 3)",
                "fake exited with code 3; restarting in 0.4 s (restart 4)",
                "fake exited with code 3; restarting in 0.4 s (restart 5)");
    }

    @Test
    void theBackoffStartsAgainAfterAStableRun() throws Exception {
        // each run lasts 0.3 s, longer than "stable after" (0.2 s): every restart waits the shortest backoff
        ServiceProcess p = child("sleep 0.3; exit 1", Duration.ofMillis(200));
        p.start();
        await(() -> p.restarts() >= 3);
        p.stop();
        assertThat(events.subList(0, 3)).allMatch(e -> e.contains("restarting in 0.1 s"));
    }

    @Test
    void withoutSupervisionAnExitIsOnlyReported() throws Exception {
        ServiceProcess p = child("sleep 60", Duration.ofSeconds(60)).supervised(false);
        p.start();
        p.kill();
        Thread.sleep(500);
        assertThat(p.isAlive()).isFalse();
        assertThat(events).containsExactly("fake exited with code 137; not restarting (supervision off)");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
