package org.nianbao.material;

import java.util.Random;

/**
 * How one rendering of a report looks: the label variants, typos and number writing real reports show,
 * and the layout choices of its pages. {@link #OFFICIAL} is the template's own wording.
 *
 * @param swapNormative   part 二 labels the row "行政规范性文件" in the 2019 format, "规范性文件" in the 2021 one
 * @param typos           label typos seen in published tables (本年废纸件数, 其他法律行政止公开, 无正当理由由大量反复申请)
 * @param enumComma       sub-item numbers written "1、" instead of "1."
 * @param blank           how a blank cell is printed: "", "/" or "—"
 * @param signedWords     2019 本年增/减 written 增4 / 减24 instead of +4 / -24
 * @param yuanSuffix      2019 采购总金额 written with 元
 * @param thousands       numbers of 1,000 and more written with thousands separators (tables only, not flattened text)
 * @param narrowLabels    narrow label columns, so long labels wrap over several lines
 * @param spacedCells     flattened text: irregular single spaces between some cells
 * @param chrome          flattened text: the page chrome (当前位置： 首页…, 来源, 附件下载) around the report
 * @param longOverview    an overview long enough to push the tables across page breaks
 * @param intro           a sentence with numbers under the part headings, before the tables
 * @param printHeader     Chromium prints its header and footer (date, title, URL, page numbers)
 * @param repeatHeader    the header rows of parts 三 and 四 repeat on every page a table runs over (HTML thead,
 *                        Word tblHeader)
 */
record Style(boolean swapNormative, boolean typos, boolean enumComma, String blank, boolean signedWords,
             boolean yuanSuffix, boolean thousands, boolean narrowLabels, boolean spacedCells, boolean chrome,
             boolean longOverview, boolean intro, boolean printHeader, boolean repeatHeader) {

    static final Style OFFICIAL = new Style(false, false, false, "", false, false, false, false, false, true, false, false, false, false);

    /** The same style without thousands separators: crawler-flattened text has none, they would join numbers. */
    Style forText() {
        return new Style(swapNormative, typos, enumComma, blank, signedWords, yuanSuffix, false, narrowLabels, spacedCells,
                chrome, longOverview, intro, printHeader, repeatHeader);
    }

    /** A random style: most reports close to the template, some with each variant. */
    static Style random(Random rnd) {
        String[] blanks = {"", "", "", "/", "—"};
        return new Style(rnd.nextInt(4) == 0, rnd.nextInt(4) == 0, rnd.nextInt(6) == 0,
                blanks[rnd.nextInt(blanks.length)], rnd.nextInt(3) == 0, rnd.nextInt(3) == 0, rnd.nextInt(4) == 0,
                rnd.nextInt(3) == 0, rnd.nextInt(3) == 0, rnd.nextBoolean(), rnd.nextInt(3) == 0, rnd.nextInt(3) == 0,
                rnd.nextBoolean(), rnd.nextInt(3) == 0);
    }
}
