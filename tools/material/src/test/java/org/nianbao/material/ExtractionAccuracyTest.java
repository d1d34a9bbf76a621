package org.nianbao.material;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Gold;
import org.nianbao.reportctl.Scoreboard;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates the whole material (PDFs skipped, with a message, where soffice or chromium is missing) and scores
 * today's reader on it: no cell may be confidently wrong. Accuracy is printed, not yet asserted.
 */
class ExtractionAccuracyTest {
    @Test
    void noRenderingOfAnyReportIsReadConfidentlyWrong() throws Exception {
        Path root = Path.of(System.getProperty("nianbao.root", "../..")).toAbsolutePath().normalize();
        Path shared = Path.of(System.getProperty("nianbao.shared", root.resolve("../shared").toString())).toAbsolutePath().normalize();
        Path out = Path.of("target/material").toAbsolutePath();
        List<String> skipped = new Material(root, shared, out).generate(48, 20261201L, true);
        skipped.forEach(s -> System.out.println("ExtractionAccuracyTest: skipped " + s));

        Scoreboard board = Scoreboard.of(out);
        System.out.println("Extraction accuracy on " + out + ":\n" + board.report(false));
        assertThat(board.documents()).hasSizeGreaterThanOrEqualTo(48 * 3);
        assertThat(board.documents().stream().flatMap(d -> d.cells().stream()
                        .filter(c -> c.verdict() == Gold.Verdict.WRONG).map(c -> d.path() + " " + c)))
                .as("cells read confidently wrong").isEmpty();
    }
}
