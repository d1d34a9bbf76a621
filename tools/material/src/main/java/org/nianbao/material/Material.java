package org.nianbao.material;

import org.nianbao.model.Gold;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates the test material: every corpus report (the hand-read goldens, with the prose of their source
 * documents) and {@code count} synthetic reports, each rendered as an HTML page, crawler-flattened text, a Word
 * document (the real 2021 template filled in where it fits), a LibreOffice PDF and a Chromium PDF, with its gold
 * JSON beside them ({@link Gold#SUFFIX}). The corpus's own documents are put beside their gold too.
 *
 * <p>Usage: {@code Material OUT [--synthetic N] [--seed S] [--no-pdf]}; the repository root is the working
 * directory (or {@code -Dnianbao.root}), the shared corpus {@code ../shared} (or {@code -Dnianbao.shared}).
 */
public final class Material {
    private static final Pattern PARTS = Pattern.compile(
            "一、\\s*总体情况(.*?)二、\\s*主动公开.*?五、\\s*(?:政府信息公开工作)?存在的主要问题及改进情况(.*?)六、\\s*其他需要报告的事项(.*)", Pattern.DOTALL);

    private final Path root;
    private final Path shared;
    private final Path out;
    private final List<Path> docx = new ArrayList<>();
    private final List<Path> html = new ArrayList<>();
    private final List<Boolean> printHeaders = new ArrayList<>();

    public Material(Path root, Path shared, Path out) {
        this.root = root;
        this.shared = shared;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Material OUT [--synthetic N] [--seed S] [--no-pdf]");
            System.exit(2);
        }
        int count = 48;
        long seed = 20261201L;
        boolean pdf = true;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--synthetic" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-pdf" -> pdf = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Path.of(System.getProperty("nianbao.root", ".")).toAbsolutePath().normalize();
        Path shared = Path.of(System.getProperty("nianbao.shared", root.resolve("../shared").toString())).toAbsolutePath().normalize();
        new Material(root, shared, Path.of(args[0])).generate(count, seed, pdf);
    }

    /** Writes everything; returns what was skipped (missing generators or corpus), for the caller to say. */
    public List<String> generate(int count, long seed, boolean pdf) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
        Converters.deleteTree(out);
        Path synthetic = Files.createDirectories(out.resolve("synthetic"));
        Synthetic generator = new Synthetic(seed);
        byte[] template = readTemplate(skipped);
        for (int i = 0; i < count; i++) {
            Synthetic.Sample s = generator.next(i);
            render(synthetic, s.name(), s.report(), s.style(), template, seed + i);
        }
        corpus(template, skipped);
        long documents = System.nanoTime();
        if (!pdf) {
            skipped.add("PDFs: not asked for");
        } else {
            // LibreOffice and Chromium run side by side, one core each
            java.util.concurrent.CompletableFuture<Void> libreoffice = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    if (Converters.has("soffice")) {
                        Converters.libreoffice(docx);
                    } else {
                        skipped.add("LibreOffice PDFs: no soffice on the PATH (Debian package libreoffice-writer-nogui)");
                    }
                } catch (IOException | InterruptedException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            if (Converters.has("chromium")) {
                Converters.chromium(html, printHeaders);
            } else {
                skipped.add("Chromium PDFs: no chromium on the PATH");
            }
            try {
                libreoffice.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new IOException("LibreOffice: " + e.getCause().getMessage(), e.getCause());
            }
        }
        long end = System.nanoTime();
        try (Stream<Path> files = Files.walk(out)) {
            System.out.printf("material: %d files in %s (HTML, text, Word and gold %.1f s, PDFs %.1f s)%n",
                    files.filter(Files::isRegularFile).count(), out, (documents - start) / 1e9, (end - documents) / 1e9);
        }
        skipped.forEach(s -> System.out.println("material: skipped " + s));
        return skipped;
    }

    private void render(Path dir, String name, Report r, Style style, byte[] template, long seed) throws IOException {
        Files.write(dir.resolve(name + Gold.SUFFIX), Gold.write(r));
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, Html.page(r, style));
        html.add(page);
        printHeaders.add(style.printHeader());
        Files.writeString(dir.resolve(name + ".flattened.txt"), Flattened.page(r, style, seed));
        boolean fits = template != null && r.format == ReportFormat.F2021;
        Path word = dir.resolve(name + (fits ? ".template.docx" : ".docx"));
        Files.write(word, fits ? Docx.template(template, r, style) : Docx.built(r, style));
        docx.add(word);
    }

    /** The corpus reports: each golden rendered, and the corpus's own document beside it. */
    private void corpus(byte[] template, List<String> skipped) throws IOException {
        Path goldens = root.resolve("libs/extraction/src/test/resources/golden");
        Path seeds = root.resolve("libs/extraction/src/test/resources/seeds");
        Path real = shared.resolve("corpus/real");
        Path dir = Files.createDirectories(out.resolve("corpus"));
        List<Path> files;
        try (Stream<Path> list = Files.list(goldens)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path golden : files) {
            String name = golden.getFileName().toString().replaceFirst("\\.json$", "");
            Report r = Gold.read(Files.readAllBytes(golden));
            Path seed = seeds.resolve(name + ".txt");
            Path pdf = real.resolve(name + ".pdf");
            Path source;
            if (Files.isRegularFile(seed)) {
                source = seed;
                Files.copy(seed, dir.resolve(name + ".txt"));
            } else if (Files.isRegularFile(pdf)) {
                source = real.resolve(name + ".pdf.txt");
                Files.copy(pdf, dir.resolve(name + ".pdf"));
                Files.copy(source, dir.resolve(name + ".pdf.txt"));
            } else {
                skipped.add(name + ": its source is not in " + real);
                continue;
            }
            prose(r, Files.readString(source, StandardCharsets.UTF_8));
            render(dir, name, r, Style.OFFICIAL, template, name.hashCode());
        }
    }

    /** The prose of parts 一, 五 and 六 of a source document, lines joined (they are broken lines of one text). */
    static void prose(Report r, String text) {
        Matcher m = PARTS.matcher(text);
        if (m.find()) {
            r.sections.overview = join(m.group(1));
            r.sections.problems = join(m.group(2));
            r.sections.other = join(m.group(3)).replace(r.agency == null ? "\u0000" : r.agency, "").strip();
        }
    }

    private static String join(String lines) {
        return lines.replaceAll("[\\t\\u3000 ]*\\r?\\n[\\t\\u3000 ]*", "").replaceAll("[\\t\\u3000 ]+", " ").strip();
    }

    private byte[] readTemplate(List<String> skipped) throws IOException {
        Path template = shared.resolve("corpus/real/template-2021-format.docx");
        if (!Files.isRegularFile(template)) {
            skipped.add("the 2021 Word template (" + template + " is not here): 2021 reports get Word documents of our own");
            return null;
        }
        return Files.readAllBytes(template);
    }
}
