package org.nianbao.material;

import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;

import java.util.Random;

/** The prose of a synthetic report, in the words real reports use; paragraphs separated by newlines. */
final class Narrative {
    private static final String[] OVERVIEW = {
        "%d年，我单位坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，按照上级关于政务公开工作的部署要求，不断深化政府信息公开工作，持续提升政务公开质量和实效。",
        "（一）主动公开。全年通过门户网站主动公开政府信息%2$d条，其中政策文件%3$d条、政策解读%4$d条，及时发布财政预决算、重大建设项目、公共资源配置等重点领域信息。",
        "（二）依申请公开。进一步规范依申请公开办理流程，严格落实登记、审核、答复各环节要求，确保在法定期限内答复，全年未发生因答复超期引发的行政复议。",
        "（三）政府信息管理。严格落实信息发布“三审三校”制度，对拟公开信息进行保密审查，动态更新政府信息公开目录和公开指南。",
        "（四）平台建设。优化政府网站信息公开专栏设置，加强政务新媒体管理，全年发布微信公众号信息%2$d条，回应公众关切%3$d次。",
        "（五）监督保障。将政务公开工作纳入年度绩效考核，组织开展业务培训%4$d次，参训人员%2$d人次，及时整改第三方评估发现的问题。"};
    private static final String LONG = "坚持以公开为常态、不公开为例外，围绕中心工作和群众关切，持续加大决策、执行、管理、服务、结果公开力度，"
            + "推动重大决策预公开，扩大公众参与，认真做好政策解读和回应关切，着力提升政务公开标准化规范化水平。";
    private static final String PROBLEMS = "%d年，我单位政府信息公开工作虽取得一定成效，但仍存在一些不足：一是政策解读形式较为单一，图解、视频解读较少；"
            + "二是部分栏目更新不够及时。\n下一步，我单位将进一步丰富解读形式，加强栏目日常维护，建立信息发布定期检查机制，不断提升政府信息公开工作水平。";

    private Narrative() {
    }

    static void fill(Report r, Random rnd, Style style) {
        int y = r.year;
        StringBuilder overview = new StringBuilder();
        for (String p : OVERVIEW) {
            overview.append(String.format(p, y, 50 + rnd.nextInt(900), rnd.nextInt(40), rnd.nextInt(20), rnd.nextInt(30)))
                    .append('\n');
            if (style.longOverview()) {
                overview.append(LONG.repeat(2 + rnd.nextInt(3))).append('\n');
            }
        }
        r.sections.overview = overview.toString().strip();
        r.sections.problems = String.format(PROBLEMS, y);
        r.sections.other = r.format == ReportFormat.F2019 ? "无其他需要报告的事项。"
                : rnd.nextBoolean() ? y + "年，无收取信息处理费情况。" : "本年度未收取政府信息公开信息处理费。";
        if (style.intro()) {
            Long received = r.applications.cell(Applications.NEW_RECEIVED, Applications.TOTAL);
            r.sections.activeDisclosure = y + "年，主动公开政府信息" + (100 + rnd.nextInt(300)) + "条。";
            r.sections.applications = y + "年，共收到政府信息公开申请" + (received == null ? 0 : received) + "件。";
            r.sections.reviewLitigation = y + "年，因政府信息公开被申请行政复议、提起行政诉讼的情况如下。";
        }
    }
}
