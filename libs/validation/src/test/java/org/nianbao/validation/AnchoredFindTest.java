package org.nianbao.validation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The anchored search finds exactly what {@link Matcher#find()} finds, in the seeds and in prose made to hold many matches. */
class AnchoredFindTest {
    private static final Pattern PERCENT = ConsistencyRules.PERCENT;

    @Test
    void findsWhatFindFinds() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add("全年共办理申请20件，其中予以公开12件，占60%；部分公开3件，占15%；不予公开予以公开2件占10.5%。无法提供3件，占 15 %。");
        texts.add("予以公开予以公开予以公开1件占1%");
        texts.add("");
        for (String seed : List.of("001_43d6c315cbc0f57d", "004_8dd35ab5e340120f")) {
            try (InputStream in = AnchoredFindTest.class.getResourceAsStream("/seeds/" + seed + ".txt")) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            Matcher plain = PERCENT.matcher(text);
            while (plain.find()) {
                expected.add(plain.start() + ":" + plain.group());
            }
            List<String> found = new ArrayList<>();
            Matcher m = PERCENT.matcher(text);
            for (int from = 0; ConsistencyRules.find(m, text, "予部不无其", from); from = Math.max(m.end(), m.start() + 1)) {
                found.add(m.start() + ":" + m.group());
            }
            assertThat(found).isEqualTo(expected);
        }
    }
}
