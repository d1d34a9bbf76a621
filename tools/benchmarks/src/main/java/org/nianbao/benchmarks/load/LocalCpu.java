package org.nianbao.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time the processes of a stack on this machine have used (Linux {@code /proc/<pid>/stat}: user and system
 * time), by part: each service (its {@code services/<name>/…/quarkus-run.jar}), the local stack's process (the Kafka
 * broker of {@code bin/nianbao up}) and PostgreSQL (all its processes). Two samples give the CPU a run cost each part;
 * a PostgreSQL connection that closed between them is not counted. Empty where there is no {@code /proc} or no
 * such process (a remote stack).
 */
record LocalCpu(Map<String, Long> ticks) {
    /** Linux's USER_HZ, the unit of /proc/<pid>/stat times, on every common architecture. */
    private static final double MS_PER_TICK = 10.0;
    private static final String[] SERVICES = {"intake", "extraction", "validation", "publication"};

    static LocalCpu sample() {
        Map<String, Long> ticks = new TreeMap<>();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return new LocalCpu(ticks);
        }
        try (Stream<Path> pids = Files.list(proc)) {
            pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String part = part(p);
                long used = part == null ? -1 : used(p);
                if (used >= 0) {
                    ticks.merge(part, used, Long::sum);
                }
            });
        } catch (IOException e) {
            return new LocalCpu(Map.of());
        }
        return new LocalCpu(ticks);
    }

    private static String part(Path pid) {
        try {
            String cmd = new String(Files.readAllBytes(pid.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
            for (String service : SERVICES) {
                if (cmd.contains("services/" + service + "/") && cmd.contains("quarkus-run.jar")) {
                    return service;
                }
            }
            if (cmd.contains("org.nianbao.devstack.NianbaoUp")) {
                return "Kafka broker (the stack's process)";
            }
            String comm = Files.readString(pid.resolve("comm")).strip();
            return comm.equals("postgres") ? "PostgreSQL" : null;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** utime + stime, in ticks; -1 when the process is gone. */
    private static long used(Path pid) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** Prints the CPU milliseconds per report each part used since {@code before}. */
    void printSince(LocalCpu before, long reports, PrintStream out) {
        if (ticks.isEmpty() || reports == 0) {
            return;
        }
        out.println("| process (this machine) | CPU ms per report |");
        out.println("|---|---:|");
        double total = 0;
        for (var e : ticks.entrySet()) {
            double ms = (e.getValue() - before.ticks().getOrDefault(e.getKey(), 0L)) * MS_PER_TICK / reports;
            total += ms;
            out.printf("| %s | %.2f |%n", e.getKey(), ms);
        }
        out.printf("| **total** | **%.2f** (two cores: %.0f reports/s at most) |%n", total, total == 0 ? 0 : 2000 / total);
    }
}
