package org.nianbao.publication.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void onlyAbsoluteHttpLinksAreRenderedAsLinks() {
        assertThat(Html.externalLink("https://www.gov.cn/r.pdf?a=1&b=2", "原文"))
                .isEqualTo("<a href=\"https://www.gov.cn/r.pdf?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">原文</a>");
        assertThat(Html.externalLink("HTTP://example.org/", "原文")).startsWith("<a href=\"HTTP://example.org/\"");
        for (String hostile : List.of("javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)", "//evil.example/x", "/reports/x", "http:/no-host", "java\tscript:alert(1)",
                "\"><script>alert(1)</script>")) {
            String html = Html.externalLink(hostile, "原文");
            assertThat(html).as(hostile).doesNotContain("<a", "href", "<script");
            assertThat(html).as(hostile).startsWith("原文 <span class=\"muted\">");
        }
    }
}
