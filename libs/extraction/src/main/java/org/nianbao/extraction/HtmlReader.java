package org.nianbao.extraction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Web pages with jsoup: page chrome (scripts, navigation, headers, footers) dropped, block elements as
 * lines, each table row as one line with its cells separated by tabs (a cell spanning rows appears in its
 * first row only, as in the Word original).
 */
final class HtmlReader {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section",
            "article", "tr", "table", "center", "blockquote", "pre");
    private static final String CHROME = "script, style, noscript, nav, header, footer, iframe, form, button, select, "
            + "[class*=nav], [class*=menu], [class*=footer], [class*=header], [id*=nav], [id*=menu], [id*=footer], [id*=header]";

    private HtmlReader() {
    }

    static String text(String html) {
        Document doc = Jsoup.parse(html);
        Element root = mainContent(doc);
        String title = root.text().contains("年度报告") ? null : title(doc);
        root.select(CHROME).remove();
        StringBuilder out = new StringBuilder();
        if (title != null) {
            out.append(title).append('\n');
        }
        walk(root, out);
        return out.toString().replace('\u00A0', ' ');
    }

    /**
     * The report's title where the report's own element lacks it: the page's heading that names a report, or
     * the page title's part that does ("…年度报告_政府信息公开年报_某某网").
     */
    private static String title(Document doc) {
        for (Element heading : doc.select("h1, h2, h3, [class*=title]")) {
            String t = heading.text().strip();
            if (t.contains("报告") && t.length() <= 80) {
                return t;
            }
        }
        for (String part : doc.title().split("[_|｜]|\\s[-—]\\s")) {
            if (part.contains("报告") && part.strip().length() <= 80) {
                return part.strip();
            }
        }
        return null;
    }

    /** The element holding the report: the smallest one with the part headings and the tables, else body. */
    private static Element mainContent(Document doc) {
        Element best = doc.body() == null ? doc : doc.body();
        for (Element e : doc.select("div, article, section, td")) {
            String t = e.text();
            if (t.contains("总体情况") && t.contains("行政复议") && e.select("table").size() >= 1 && t.length() < best.text().length()) {
                best = e;
            }
        }
        return best;
    }

    private static void walk(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(text.getWholeText().replace('\n', ' '));
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        if (element.tagName().equals("table") && element.selectFirst("table table") == null) {
            appendTable(element, out);
            return;
        }
        boolean block = BLOCKS.contains(element.tagName());
        if (block) {
            out.append('\n');
        }
        for (Node child : element.childNodes()) {
            walk(child, out);
        }
        if (block) {
            out.append('\n');
        }
    }

    private static void appendTable(Element table, StringBuilder out) {
        out.append('\n');
        for (Element row : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.select("> td, > th")) {
                cells.add(cell.text().replace('\u00A0', ' ').strip());
            }
            out.append(String.join("\t", cells)).append('\n');
        }
        out.append('\n');
    }
}
