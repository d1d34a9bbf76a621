package org.nianbao.material;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The real document generators: LibreOffice Writer's PDF export and Chromium's print to PDF. */
final class Converters {
    private Converters() {
    }

    static boolean has(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Converts Word documents to PDF in one LibreOffice run; {@code a.template.docx} gives {@code a.libreoffice.pdf}. */
    static void libreoffice(List<Path> docx, Path dir) throws IOException, InterruptedException {
        if (docx.isEmpty()) {
            return;
        }
        Path work = Files.createTempDirectory("nianbao-soffice");
        try {
            List<String> cmd = new ArrayList<>(List.of("soffice", "--headless", "--norestore",
                    "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", "pdf", "--outdir", work.resolve("out").toString()));
            docx.forEach(p -> cmd.add(p.toString()));
            run(cmd, 600);
            for (Path p : docx) {
                String base = p.getFileName().toString().replaceFirst("\\.docx$", "");
                Path pdf = work.resolve("out").resolve(base + ".pdf");
                if (!Files.isRegularFile(pdf)) {
                    throw new IOException("LibreOffice did not convert " + p);
                }
                Files.move(pdf, dir.resolve(org.nianbao.model.Gold.stem(p.getFileName().toString()) + ".libreoffice.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Prints HTML pages to PDF with headless Chromium, two at a time; {@code a.html} gives {@code a.chromium.pdf}. */
    static void chromium(List<Path> html, List<Boolean> headerFooter) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < html.size(); i++) {
                Path page = html.get(i);
                boolean header = headerFooter.get(i);
                jobs.add(pool.submit(() -> {
                    Path profile = Files.createTempDirectory("nianbao-chromium");
                    try {
                        Path pdf = page.resolveSibling(org.nianbao.model.Gold.stem(page.getFileName().toString()) + ".chromium.pdf");
                        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                "--user-data-dir=" + profile, "--print-to-pdf=" + pdf));
                        if (!header) {
                            cmd.add("--no-pdf-header-footer");
                        }
                        cmd.add(page.toUri().toString());
                        run(cmd, 120);
                        if (!Files.isRegularFile(pdf)) {
                            throw new IOException("Chromium did not print " + page);
                        }
                        return null;
                    } finally {
                        deleteTree(profile);
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("nianbao-convert", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(cmd.get(0) + " failed (exit " + p.exitValue() + "): " + Files.readString(log));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
