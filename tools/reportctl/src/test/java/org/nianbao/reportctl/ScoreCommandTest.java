package org.nianbao.reportctl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCommandTest {
    private static final Path RESOURCES = Path.of("../../libs/extraction/src/test/resources");

    private static int score(String... args) {
        CommandLine cl = ReportCtl.commandLine();
        return cl.execute(args);
    }

    @Test
    void aDocumentReadAsItsGoldScoresExactAndAChangedGoldValueIsConfidentlyWrong(@TempDir Path dir) throws Exception {
        Files.copy(RESOURCES.resolve("seeds/001_43d6c315cbc0f57d.txt"), dir.resolve("r.txt"));
        Files.copy(RESOURCES.resolve("golden/001_43d6c315cbc0f57d.json"), dir.resolve("r.gold.json"));
        Files.writeString(dir.resolve("no-gold.txt"), "not scored: no gold beside it");
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(score("score", dir.toString())).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("| txt | 1 | 1 | 203 | 203 | 0 | 0 | 100.0% |")
                    .contains("0 of 1 documents");

            String gold = Files.readString(dir.resolve("r.gold.json"));
            Files.writeString(dir.resolve("r.gold.json"), gold.replace("\"penalty\": {\"decisions\": 0}", "\"penalty\": {\"decisions\": 7}"));
            out.reset();
            assertThat(score("score", "--verbose", dir.toString())).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("r.txt: 202 of 203 right, 0 unread, 1 wrong")
                    .contains("WRONG active.penalty.decisions: expected 7, read 0");

            Files.writeString(dir.resolve("r.gold.json"), gold);
            assertThat(score("score", "--min-accuracy", "100.5", dir.toString())).isEqualTo(4);
        } finally {
            System.setOut(stdout);
        }
    }
}
