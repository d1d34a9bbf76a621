package org.nianbao.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a receiving service may accept without reading a text in full: a report's own parts' headings make it plainly
 * one; anything less decides nothing, and the full read decides.
 */
class PlainReportTest {

    @Test
    void everySeedReportIsPlainlyAReport() {
        for (String seed : Corpus.SEEDS) {
            assertThat(ReportExtractor.plainlyReport(Corpus.seed(seed))).as(seed).isTrue();
        }
    }

    @Test
    void aFlattenedPageWithItsHeadingsRunTogetherIsPlainlyAReport() {
        String page = "首页>政务公开>年度报告 某县人民政府办公室2023年政府信息公开工作年度报告 发布时间：2024-01-20 "
                + "一、总体情况 2023年，我办坚持……二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
                + "规章 0 0 0 三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请数量 3 0 0 0 0 0 3";
        assertThat(ReportExtractor.plainlyReport(page)).isTrue();
    }

    @Test
    void textThatOnlyMentionsDisclosureIsNotPlainlyAReportAndTheFullReadRefusesIt() {
        String notice = "关于做好2024年政府信息公开工作年度报告编制发布工作的通知\n各单位：请于1月31日前发布年度报告，"
                + "内容应包括总体情况等六个部分。\n特此通知。";
        assertThat(ReportExtractor.plainlyReport(notice)).isFalse();
        assertThatThrownBy(() -> new ReportExtractor().extractText("会议纪要\n本次会议研究了办公用房调整事项。\n"))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("No report was found");
        assertThat(ReportExtractor.plainlyReport("会议纪要\n本次会议研究了办公用房调整事项。\n")).isFalse();
    }
}
