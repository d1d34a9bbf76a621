package org.nianbao.validation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Family X, for the platform rather than the agency: what the reader could not read. One finding lists every
 * part, row and cell it could not read and why; the rules of families B to F do not rest on them.
 */
final class ExtractionRules {
    private ExtractionRules() {
    }

    /** parts, rows or cells the reader could not read (see {@link Unread}). */
    static void check(Check c) {
        Map<String, String> reasons = c.unread.reasons();
        if (reasons.isEmpty()) {
            return;
        }
        String list = reasons.entrySet().stream().map(e -> e.getKey() + " — " + e.getValue()).collect(Collectors.joining("; "));
        c.warning("X-01", List.copyOf(reasons.keySet()), null, reasons.size(),
                "读取程序未能读出以下" + reasons.size() + "处内容（读取问题，不是报告的错误），依赖它们的结构、勾稽和文字核对均未进行，请人工核对：" + list,
                "The reader could not read " + reasons.size() + " item(s) (a reading problem, not an error of the report); the structure, "
                        + "arithmetic and prose checks that depend on them were not made. Check by hand: " + list);
    }
}
