package org.nianbao.material;

import org.nianbao.model.Report;

import java.util.List;
import java.util.Random;

/**
 * A report's page as a web crawler saves its text (like the real files of corpus/real/flattened): a crawler
 * header, then the whole page on one line with the tags stripped and table cells concatenated without
 * separators, page chrome around it in some styles, irregular single spaces between some cells in others, and
 * sometimes a leftover Word comment before a table.
 */
final class Flattened {
    private Flattened() {
    }

    static String page(Report r, Style style, long seed) {
        Random rnd = new Random(seed);
        String id = String.valueOf(80000 + rnd.nextInt(9000));
        String month = Html.posted(r).substring(0, 7).replace("-", "");
        String path = "zwgk/zfxxgk/bmptlj/zfxxgknb/" + month + "/";
        StringBuilder t = new StringBuilder();
        t.append("标题: ").append(r.title).append('\n')
                .append("发布时间: ").append(Html.posted(r).substring(0, 16)).append('\n')
                .append("文号: \n发布机构: \n栏目: 政府信息公开年报\n")
                .append("原文链接: https://www.example.gov.cn/").append(path).append('t')
                .append(Html.posted(r).substring(0, 10).replace("-", "")).append('_').append(id).append(".htm\n")
                .append("本地目录: ").append(path).append(id).append('_').append(r.title).append('\n')
                .append("页面链接与图片详见 links.tsv(同目录)\n==================== 正文 ====================\n");
        if (style.chrome()) {
            t.append("当前位置： 首页政务公开政府信息公开").append(r.agency == null ? "" : r.agency).append("政府信息公开年报 ")
                    .append(r.title).append(" 来源： 时间：").append(Html.posted(r).substring(0, 16))
                    .append(" --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： ");
        } else {
            t.append(r.title).append(' ');
        }
        Tables tables = new Tables(r, style.forText());
        for (Parts.Part part : Parts.of(r)) {
            t.append(part.heading());
            if (part.text() != null) {
                t.append(part.text().replace("\n", ""));
            }
            if (part.table() != null) {
                if (!style.chrome() && rnd.nextInt(3) == 0) {
                    t.append("<!--[if !supportMisalignedColumns]--><!--[endif]-->"); // a Word comment crawlers leave
                }
                for (List<Tables.Cell> row : part.table().apply(tables).rows()) {
                    for (Tables.Cell c : row) {
                        if (style.spacedCells() && c.kind() == Tables.Kind.NUMBER && rnd.nextInt(3) > 0) {
                            t.append(' ');
                        }
                        t.append(c.text());
                    }
                }
            }
        }
        t.append(' ');
        if (r.agency != null) {
            t.append(r.agency).append(' ');
        }
        if (r.publishedOn != null) {
            t.append(Parts.chineseDate(r.publishedOn));
        }
        if (style.chrome()) {
            t.append(" 附件下载");
        }
        return t.toString().replaceAll(" {2,}", " ").strip(); // the crawler keeps single spaces only
    }
}
