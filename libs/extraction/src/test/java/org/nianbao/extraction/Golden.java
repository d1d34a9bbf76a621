package org.nianbao.extraction;

import org.nianbao.model.Gold;
import org.nianbao.model.Report;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares a reading with a hand-written expectation, cell by cell, and lists every difference. */
final class Golden {
    private Golden() {
    }

    static void assertMatches(Report r, String name) {
        Report gold = Gold.read(Corpus.resource("/golden/" + name + ".json"));
        assertThat(Gold.compare(gold, r, true).stream().filter(c -> c.verdict() != Gold.Verdict.RIGHT).map(Gold.Cell::toString))
                .as("cells of %s that differ from the hand-read expectation", name).isEmpty();
    }
}
