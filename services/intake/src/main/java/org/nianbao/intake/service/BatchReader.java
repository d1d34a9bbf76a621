package org.nianbao.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.intake.rest.ProblemException;
import org.nianbao.model.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Splits a batch into its items: a zip of documents (with an optional {@code manifest.csv} giving each
 * file's metadata) or NDJSON, one JSON submission per line. An item that cannot be read becomes an
 * item carrying its problem, so the rest of the batch still goes through.
 */
public final class BatchReader {
    public static final int MAX_ITEMS = 5000;
    private static final String MANIFEST = "manifest.csv";
    private static final List<String> MANIFEST_COLUMNS = List.of("file", "agency", "agencyCode", "regionCode",
            "issuerType", "year", "publishedOn", "sourceUrl");

    /** One item: its name in the batch, and either its input or why it cannot be submitted. */
    public record Item(String name, SubmissionInput input, ProblemException problem) {
    }

    private BatchReader() {
    }

    /** Items of a zip archive; {@code metadata} turns raw metadata strings into checked metadata. */
    public static List<Item> zip(byte[] archive, Function<Map<String, String>, SubmissionMetadata> metadata) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                if (files.size() >= MAX_ITEMS) {
                    throw ProblemException.badRequest("A batch holds at most " + MAX_ITEMS + " documents.");
                }
                files.put(entry.getName(), readAtMost(zip, DocumentCheck.MAX_BYTES + 1));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("The zip archive cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ProblemException.badRequest("The zip archive holds no document.");
        }
        Map<String, Map<String, String>> manifest = manifest(files.remove(MANIFEST));
        List<Item> items = new ArrayList<>();
        for (var file : files.entrySet()) {
            String name = file.getKey();
            try {
                SubmissionMetadata meta = metadata.apply(manifest.getOrDefault(baseName(name), Map.of()));
                items.add(new Item(name, new SubmissionInput(file.getValue(), baseName(name), null, meta, null), null));
            } catch (ProblemException e) {
                items.add(new Item(name, null, e));
            }
        }
        return items;
    }

    /** Items of NDJSON: {@code {"text": …}} or {@code {"contentBase64": …, "fileName": …}} plus metadata fields. */
    public static List<Item> ndjson(byte[] body, Function<Map<String, String>, SubmissionMetadata> metadata) {
        List<Item> items = new ArrayList<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (items.size() >= MAX_ITEMS) {
                throw ProblemException.badRequest("A batch holds at most " + MAX_ITEMS + " documents.");
            }
            String name = "line " + (i + 1);
            try {
                items.add(line(name, lines[i], metadata));
            } catch (ProblemException e) {
                items.add(new Item(name, null, e));
            }
        }
        if (items.isEmpty()) {
            throw ProblemException.badRequest("The NDJSON body holds no submission.");
        }
        return items;
    }

    private static Item line(String name, String line, Function<Map<String, String>, SubmissionMetadata> metadata) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw ProblemException.badRequest("Not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("Each line must be a JSON object.");
        }
        Map<String, String> fields = new HashMap<>();
        node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
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
            throw ProblemException.badRequest("Each line needs 'text' or 'contentBase64' (with 'fileName').");
        }
        String fileName = fields.getOrDefault("fileName", fields.get("text") != null ? "report.txt" : null);
        return new Item(name, new SubmissionInput(content, fileName, null, metadata.apply(fields), fields.get("idempotencyKey")), null);
    }

    private static Map<String, Map<String, String>> manifest(byte[] csv) {
        Map<String, Map<String, String>> rows = new HashMap<>();
        if (csv == null) {
            return rows;
        }
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > limit) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
