package org.nianbao.publication.web;

import java.util.List;

import static org.nianbao.publication.web.Html.escape;

/** A horizontal bar chart as inline SVG, drawn on the server: no script, no asset fetched at run time. */
final class BarChart {
    /** One bar. */
    record Bar(String label, long value) {
    }

    private static final int LABEL_WIDTH = 190;
    private static final int BAR_AREA = 300;
    private static final int ROW = 24;

    private BarChart() {
    }

    static String svg(String id, String caption, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int height = bars.size() * ROW + 10;
        StringBuilder b = new StringBuilder("<figure id=\"").append(escape(id)).append("\"><figcaption>").append(escape(caption))
                .append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(LABEL_WIDTH + BAR_AREA + 70)
                .append("\" height=\"").append(height).append("\" aria-label=\"").append(escape(caption)).append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * ROW;
            int w = (int) Math.round((double) bar.value() / max * BAR_AREA);
            b.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\" font-size=\"13\">")
                    .append(escape(bar.label())).append("</text><rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 2)
                    .append("\" width=\"").append(Math.max(w, bar.value() > 0 ? 1 : 0)).append("\" height=\"").append(ROW - 6)
                    .append("\" fill=\"#8b1a1a\"><title>").append(escape(bar.label())).append(": ").append(bar.value()).append("</title></rect>")
                    .append("<text x=\"").append(LABEL_WIDTH + w + 6).append("\" y=\"").append(y + 15).append("\" font-size=\"13\">")
                    .append(bar.value()).append("</text>");
        }
        return b.append("</svg></figure>").toString();
    }
}
