package org.nianbao.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.intake.rest.JsonLimits;
import org.nianbao.web.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a batch item by item, handing each to a consumer before reading the next, so a batch never has to fit
 * in memory: a zip of documents (with an optional {@code manifest.csv} giving each file's metadata) or NDJSON,
 * one JSON submission per line. An item that cannot be read becomes an item carrying its problem, so the rest
 * of the batch still goes through.
 */
public final class BatchReader {
    public static final int MAX_ITEMS = 5000;
    /** All documents of a zip, decompressed, at most (a zip bomb stops here). */
    public static final long MAX_UNCOMPRESSED = 200L * 1024 * 1024;
    /** One NDJSON line: a 20 MB document in Base64 and its metadata. */
    public static final int MAX_LINE = 30 * 1024 * 1024;
    private static final int MAX_MANIFEST = 2 * 1024 * 1024;
    private static final String MANIFEST = "manifest.csv";
    private static final List<String> MANIFEST_COLUMNS = List.of("file", "agency", "agencyCode", "regionCode",
            "issuerType", "year", "publishedOn", "sourceUrl");
    private static final List<String> JSON_FIELDS = concat(SubmissionFields.METADATA, List.of("text", "contentBase64", "fileName",
            "idempotencyKey"));

    /** One item: its name in the batch, and either its input or why it cannot be submitted. */
    public record Item(String name, SubmissionInput input, ProblemException problem) {
    }

    private BatchReader() {
    }

    /**
     * A submission sent as JSON: {@code {"text": …}} or {@code {"contentBase64": …, "fileName": …}} and the
     * metadata fields (also one NDJSON line, where {@code idempotencyKey} may be a field).
     */
    public static SubmissionInput jsonSubmission(JsonNode body, String idempotencyKey) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("The body must be a JSON object with the report in a 'text' field.");
        }
        Map<String, String> fields = SubmissionFields.fromJson(body, JSON_FIELDS);
        byte[] content;
        if (fields.get("text") != null) {
            content = fields.get("text").getBytes(StandardCharsets.UTF_8);
        } else if (fields.get("contentBase64") != null) {
            try {
                content = Base64.getDecoder().decode(fields.get("contentBase64"));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("contentBase64 is not valid Base64.");
            }
        } else {
            throw ProblemException.badRequest("The JSON has no 'text' field holding the report's text (or 'contentBase64' with 'fileName').");
        }
        String fileName = SubmissionFields.fileName(fields.get("fileName"));
        String key = idempotencyKey != null ? idempotencyKey : SubmissionFields.idempotencyKey(fields.get("idempotencyKey"));
        return new SubmissionInput(content, fileName == null && fields.get("text") != null ? "report.txt" : fileName,
                fields.get("text") != null ? "text/plain; charset=utf-8" : null, SubmissionFields.metadata(fields), key);
    }

    /** The items of a zip archive, read from a temporary copy one entry at a time. */
    public static void zip(InputStream body, Consumer<Item> items) throws IOException {
        Path copy = Files.createTempFile("nianbao-batch-", ".zip");
        try {
            Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile zip = new ZipFile(copy.toFile(), StandardCharsets.UTF_8)) {
                List<? extends ZipEntry> entries = Collections.list(zip.entries()).stream()
                        .filter(e -> !e.isDirectory() && !e.getName().startsWith("__MACOSX/")).toList();
                ZipEntry manifestEntry = entries.stream().filter(e -> e.getName().equals(MANIFEST)).findFirst().orElse(null);
                Map<String, Map<String, String>> manifest = manifestEntry == null ? Map.of()
                        : manifest(readAtMost(zip.getInputStream(manifestEntry), MAX_MANIFEST + 1));
                List<? extends ZipEntry> documents = entries.stream().filter(e -> e != manifestEntry).toList();
                if (documents.isEmpty()) {
                    throw ProblemException.badRequest("The zip archive holds no document.");
                }
                if (documents.size() > MAX_ITEMS) {
                    throw ProblemException.badRequest("A batch holds at most " + MAX_ITEMS + " documents; this zip has " + documents.size() + ".");
                }
                long total = 0;
                for (ZipEntry entry : documents) {
                    String name = entry.getName();
                    if (total > MAX_UNCOMPRESSED) {
                        items.accept(new Item(name, null, new ProblemException(413, "Batch too large", "The batch's documents exceed "
                                + MAX_UNCOMPRESSED / (1024 * 1024) + " MB in all, uncompressed: send this one in another batch.")));
                        continue;
                    }
                    byte[] content = readAtMost(zip.getInputStream(entry), DocumentCheck.MAX_BYTES + 1);
                    total += content.length;
                    try {
                        String file = baseName(name);
                        SubmissionFields.fileName(file);
                        items.accept(new Item(name, new SubmissionInput(content, file, null,
                                SubmissionFields.metadata(manifest.getOrDefault(file, Map.of())), null), null));
                    } catch (ProblemException e) {
                        items.accept(new Item(name, null, e));
                    }
                }
            } catch (java.util.zip.ZipException e) {
                throw ProblemException.badRequest("The zip archive cannot be read: " + e.getMessage() + ".");
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The items of NDJSON, one JSON submission (see {@link #jsonSubmission}) per line, each line read and submitted in turn. */
    public static void ndjson(InputStream body, Consumer<Item> items) throws IOException {
        LineReader lines = new LineReader(body);
        int count = 0;
        for (int number = 1; ; number++) {
            byte[] line = lines.next();
            if (line == null) {
                break;
            }
            String name = "line " + number;
            if (lines.tooLong) {
                count++;
                items.accept(new Item(name, null, new ProblemException(413, "Line too large", "A line has more than "
                        + MAX_LINE / (1024 * 1024) + " MB; a document may have at most 20 MB (in Base64, about 27 MB).")));
                continue;
            }
            if (new String(line, StandardCharsets.ISO_8859_1).isBlank()) {
                continue;
            }
            if (++count > MAX_ITEMS) {
                items.accept(new Item(name, null, ProblemException.badRequest("A batch holds at most " + MAX_ITEMS
                        + " documents: this line and the rest were not read; send them in another batch.")));
                return;
            }
            try {
                items.accept(new Item(name, jsonSubmission(JsonLimits.read(line), null), null));
            } catch (ProblemException e) {
                items.accept(new Item(name, null, e));
            }
        }
        if (count == 0) {
            throw ProblemException.badRequest("The NDJSON body holds no submission.");
        }
    }

    /** Lines of a stream as bytes, each at most MAX_LINE (a longer one is skipped and flagged). */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[65536];
        private int pos;
        private int end;
        boolean tooLong;

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(buffer);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return any ? line.toByteArray() : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < end && buffer[pos] != '\n') {
                    pos++;
                }
                if (!tooLong) {
                    line.write(buffer, start, pos - start);
                    if (line.size() > MAX_LINE) {
                        tooLong = true;
                        line = new ByteArrayOutputStream();
                    }
                }
                if (pos < end) {
                    pos++;
                    return line.toByteArray();
                }
            }
        }
    }

    private static Map<String, Map<String, String>> manifest(byte[] csv) {
        if (csv.length > MAX_MANIFEST) {
            throw new ProblemException(413, "Manifest too large", "manifest.csv has more than " + MAX_MANIFEST / (1024 * 1024) + " MB.");
        }
        Map<String, Map<String, String>> rows = new HashMap<>();
        List<String> lines = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = lines.get(0).split(",", -1);
        for (String h : header) {
            if (!MANIFEST_COLUMNS.contains(h.strip())) {
                throw ProblemException.badRequest("manifest.csv: unknown column '" + h.strip() + "'; columns are " + MANIFEST_COLUMNS + ".");
            }
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i].strip(), cells[i].strip());
            }
            rows.put(row.getOrDefault("file", ""), row);
        }
        return rows;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        try (in) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
        }
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
