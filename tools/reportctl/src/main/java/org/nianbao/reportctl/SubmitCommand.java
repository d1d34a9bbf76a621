package org.nianbao.reportctl;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Post report documents (a file, or every .txt/.html/.docx/.pdf in a folder) to an intake,"
                + " with a progress bar and a summary. Exit status 1 when any was rejected.")
final class SubmitCommand implements Callable<Integer> {
    private static final List<String> TYPES = List.of("txt", "html", "htm", "docx", "pdf");

    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*")
    List<Path> inputs;

    @Option(names = "--url", description = "intake URL (default: $NIANBAO_INTAKE_URL or http://localhost:8081)")
    String url;

    @Option(names = "--key", description = "platform API key (default: $NIANBAO_API_KEY or local-dev-key)")
    String key;

    @Option(names = "--agency") String agency;
    @Option(names = "--agency-code") String agencyCode;
    @Option(names = "--region-code") String regionCode;
    @Option(names = "--issuer-type") String issuerType;
    @Option(names = "--year") Integer year;
    @Option(names = "--published-on") String publishedOn;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws Exception {
        List<Path> files = collect();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .txt, .html, .docx or .pdf file in " + inputs);
        }
        String base = url != null ? url : env("NIANBAO_INTAKE_URL", "http://localhost:8081");
        String apiKey = key != null ? key : env("NIANBAO_API_KEY", "local-dev-key");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int accepted = 0;
        int duplicates = 0;
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            progress(err, i, files.size(), file);
            HttpResponse<String> response = post(base, apiKey, file);
            JsonNode body = Json.mapper().readTree(response.body().isEmpty() ? "{}" : response.body());
            switch (response.statusCode()) {
                case 202 -> accepted++;
                case 200 -> duplicates++;
                default -> rejected.add(file + ": " + response.statusCode() + " " + body.path("detail").asText(body.toString()));
            }
            if (response.statusCode() == 200 || response.statusCode() == 202) {
                out.println(body.path("id").asText() + "\t" + body.path("status").asText() + "\t" + file);
            }
        }
        progress(err, files.size(), files.size(), null);
        err.println();
        err.printf("%d file(s): %d accepted, %d already submitted, %d rejected%n", files.size(), accepted, duplicates,
                rejected.size());
        rejected.forEach(r -> err.println("  rejected " + r));
        return rejected.isEmpty() ? 0 : 1;
    }

    private List<Path> collect() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(p -> TYPES.contains(extension(p))).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new IOException("no such file or folder: " + input);
            }
        }
        return files;
    }

    private HttpResponse<String> post(String base, String apiKey, Path file) throws IOException, InterruptedException {
        String boundary = "nianbao-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "agency", agency);
        put(fields, "agencyCode", agencyCode);
        put(fields, "regionCode", regionCode);
        put(fields, "issuerType", issuerType);
        put(fields, "year", year == null ? null : year.toString());
        put(fields, "publishedOn", publishedOn);
        for (var f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/submissions"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the intake at " + base + " (is `bin/nianbao up` running?)");
        }
    }

    private static void progress(PrintStream err, int done, int total, Path current) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        String name = current == null ? "" : current.getFileName().toString();
        err.printf("\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), ".".repeat(width - filled), done, total, name);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
