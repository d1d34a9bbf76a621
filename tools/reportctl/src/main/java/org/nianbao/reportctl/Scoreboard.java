package org.nianbao.reportctl;

import org.nianbao.extraction.ReportExtractor;
import org.nianbao.model.Gold;
import org.nianbao.model.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The accuracy of extraction over a folder of documents with gold readings ({@link Gold#SUFFIX}): each document
 * read with {@link ReportExtractor#extract(byte[], String)} and compared with its gold cell by cell (format, year,
 * parts 二, 三 and 四), counted per rendering ({@link Gold#layout}) and overall.
 */
public final class Scoreboard {
    /** One document's comparison; {@code error} when it could not be read at all (every gold value then unread). */
    public record Document(Path path, String layout, List<Gold.Cell> cells, String error) {
        long count(Gold.Verdict v) {
            return cells.stream().filter(c -> c.verdict() == v).count();
        }

        boolean exact() {
            return error == null && count(Gold.Verdict.RIGHT) == cells.size();
        }
    }

    private final Path dir;
    private final List<Document> documents;

    private Scoreboard(Path dir, List<Document> documents) {
        this.dir = dir;
        this.documents = documents;
    }

    /** Reads and compares every document under {@code dir} (recursively) that has a gold beside it. */
    public static Scoreboard of(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder");
        }
        ReportExtractor extractor = new ReportExtractor();
        List<Document> documents = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Path gold = file.resolveSibling(Gold.stem(name) + Gold.SUFFIX);
            if (name.endsWith(Gold.SUFFIX) || !Files.isRegularFile(gold)) {
                continue;
            }
            Report expected = Gold.read(Files.readAllBytes(gold));
            Report read;
            String error = null;
            try {
                read = extractor.extract(Files.readAllBytes(file), name);
            } catch (RuntimeException e) {
                read = new Report();
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            documents.add(new Document(dir.relativize(file), Gold.layout(name), Gold.compare(expected, read, false), error));
        }
        return new Scoreboard(dir, documents);
    }

    public List<Document> documents() {
        return documents;
    }

    public long count(Gold.Verdict v) {
        return documents.stream().mapToLong(d -> d.count(v)).sum();
    }

    public long cells() {
        return documents.stream().mapToLong(d -> d.cells().size()).sum();
    }

    /** Right cells as a share of all gold cells, in percent (100 when there are none). */
    public double accuracy() {
        return cells() == 0 ? 100 : 100.0 * count(Gold.Verdict.RIGHT) / cells();
    }

    /**
     * The accuracy table (Markdown), per rendering and overall, then per top folder (when there are several),
     * then the documents that are not exact.
     */
    public String report(boolean verbose) {
        Map<String, List<Document>> byLayout = new TreeMap<>();
        documents.forEach(d -> byLayout.computeIfAbsent(d.layout(), k -> new ArrayList<>()).add(d));
        StringBuilder out = new StringBuilder();
        out.append("| rendering | documents | exact | cells | right | unread | wrong | accuracy |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byLayout.forEach((layout, docs) -> row(out, layout, docs));
        row(out, "**all**", documents);
        Map<String, List<Document>> byFolder = new TreeMap<>();
        documents.forEach(d -> byFolder.computeIfAbsent(d.path().getNameCount() > 1 ? d.path().getName(0).toString() : ".",
                k -> new ArrayList<>()).add(d));
        if (byFolder.size() > 1) {
            out.append("\n| folder | documents | exact | cells | right | unread | wrong | accuracy |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            byFolder.forEach((folder, docs) -> row(out, folder, docs));
        }
        List<Document> inexact = documents.stream().filter(d -> !d.exact()).toList();
        out.append('\n').append(inexact.size()).append(" of ").append(documents.size()).append(" documents in ").append(dir)
                .append(" are not read exactly").append(inexact.isEmpty() ? "." : ":").append('\n');
        for (Document d : inexact) {
            out.append(String.format("  %s: %d of %d right, %d unread, %d wrong%s%n", d.path(), d.count(Gold.Verdict.RIGHT),
                    d.cells().size(), d.count(Gold.Verdict.UNREAD), d.count(Gold.Verdict.WRONG), d.error() == null ? "" : " (" + d.error() + ")"));
            if (verbose) {
                d.cells().stream().filter(c -> c.verdict() != Gold.Verdict.RIGHT)
                        .forEach(c -> out.append("      ").append(c.verdict()).append(' ').append(c).append('\n'));
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<Document> docs) {
        long cells = docs.stream().mapToLong(d -> d.cells().size()).sum();
        long right = docs.stream().mapToLong(d -> d.count(Gold.Verdict.RIGHT)).sum();
        out.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %.1f%% |%n", label, docs.size(),
                docs.stream().filter(Document::exact).count(), cells, right,
                docs.stream().mapToLong(d -> d.count(Gold.Verdict.UNREAD)).sum(),
                docs.stream().mapToLong(d -> d.count(Gold.Verdict.WRONG)).sum(), cells == 0 ? 100.0 : 100.0 * right / cells));
    }
}
