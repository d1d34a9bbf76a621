package org.nianbao.material;

import org.nianbao.model.Gold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** Converts Word documents (of distinct names) to PDF in one LibreOffice run; {@code a.template.docx} gives {@code a.libreoffice.pdf}. */
    static void libreoffice(List<Path> docx) throws IOException, InterruptedException {
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
                Files.move(pdf, p.resolveSibling(Gold.stem(p.getFileName().toString()) + ".libreoffice.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Prints HTML pages to PDF with one headless Chromium; {@code a.html} gives {@code a.chromium.pdf}. */
    static void chromium(List<Path> html, List<Boolean> headerFooter) throws IOException, InterruptedException {
        try (ChromiumPrinter printer = new ChromiumPrinter()) {
            for (int i = 0; i < html.size(); i++) {
                Path page = html.get(i);
                printer.print(page, page.resolveSibling(Gold.stem(page.getFileName().toString()) + ".chromium.pdf"), headerFooter.get(i));
            }
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
