package org.nianbao.material;

import org.nianbao.model.OfficialTables;
import org.nianbao.model.Report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The six parts of a report in order: heading, prose (paragraphs split by newlines) and, for 二–四, the table. */
final class Parts {
    record Part(String heading, String text, Function<Tables, Tables.Table> table) {
    }

    private Parts() {
    }

    static List<Part> of(Report r) {
        return List.of(new Part("一、总体情况", r.sections.overview, null),
                new Part(OfficialTables.ACTIVE_HEADING, r.sections.activeDisclosure, Tables::active),
                new Part(OfficialTables.APPLICATIONS_HEADING, r.sections.applications, Tables::applications),
                new Part(OfficialTables.REVIEW_HEADING, r.sections.reviewLitigation, Tables::reviewLitigation),
                new Part("五、存在的主要问题及改进情况", r.sections.problems, null),
                new Part("六、其他需要报告的事项", r.sections.other, null));
    }

    static String chineseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
