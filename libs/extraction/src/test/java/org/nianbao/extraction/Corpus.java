package org.nianbao.extraction;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The corpus documents the tests read: seeds from test resources, real reports from ../shared. */
final class Corpus {
    static final String[] SEEDS = {"000_27b80aaf8e404846", "001_43d6c315cbc0f57d", "002_250f2460152f5126",
            "003_8178ad8169fa307d", "004_8dd35ab5e340120f"};
    static final String[] REAL = {"hongze-district-2023", "hongze-district-2024", "huaian-city-2024"};

    private Corpus() {
    }

    static byte[] resource(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seed(String name) {
        return new String(resource("/seeds/" + name + ".txt"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A file of ../shared/corpus/real, or the test is skipped with the reason. */
    static byte[] real(String fileName) {
        Path dir = Path.of(System.getProperty("nianbao.shared", "../../../shared"), "corpus", "real");
        Path file = dir.resolve(fileName);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: " + file + " is not here (the shared corpus lives beside the clone in CI)");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
