package org.nianbao.extraction;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Report;

import static org.assertj.core.api.Assertions.assertThat;

/** The format comes from what the document's tables show, and the old 条例's reports are always legacy. */
class FormatDetectionTest {
    private final ReportExtractor extractor = new ReportExtractor();

    @Test
    void aPre2019ReportIsLegacyEvenWhenItNamesRowsOfThe2019Table() {
        Report r = extractor.extractText("某市财政局2017年政府信息公开工作年度报告\n一、概述\n全年主动公开政府集中采购信息32条，其他对外管理服务事项5项。\n"
                + "二、主动公开政府信息情况\n三、依申请公开政府信息情况\n四、政府信息公开的收费及减免情况\n"
                + "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n六、存在的主要问题及改进措施\n七、其他需要报告的事项\n"
                + "附表：政府信息公开情况统计表\n指标名称\t计量单位\t数量\n一、主动公开情况\t\t\n（一）主动公开政府信息数\t条\t120\n");
        assertThat(r.format.json()).isEqualTo("legacy");
        assertThat(r.year).isEqualTo(2017);
    }

    @Test
    void aReportWithTheOldStatisticsTableAndNoYearIsLegacy() {
        Report r = extractor.extractText("政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n本年度政府集中采购项目2项。\n"
                + "统计表\n指标名称 计量单位 统计数\n主动公开政府信息数 条 85\n依申请公开信息数 条 3\n");
        assertThat(r.format.json()).isEqualTo("legacy");
    }

    @Test
    void a2021TableIsMixedOnlyWhenPartThreeHasTheSingleOtherRow() {
        String head = "某县人民政府2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
                + "规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
                + "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n";
        Report single = extractor.extractText(head + "（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n");
        assertThat(single.format.json()).isEqualTo("mixed");
        // the three rows of the 2021 （六）, one of them with its label broken by the page: still 2021
        Report split = extractor.extractText(head + "（六）其他处理\n1.申请人无正当理由逾期\n不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
                + "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n");
        assertThat(split.format.json()).isEqualTo("2021");
    }
}
