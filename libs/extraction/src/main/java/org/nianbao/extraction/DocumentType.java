package org.nianbao.extraction;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The kind of document, from its content. */
enum DocumentType {
    PDF, DOCX, HTML, TEXT;

    private static final Pattern HTML_MARKUP = Pattern.compile("<(!doctype\\s+html|html|body|table|p|div)[\\s>]",
            Pattern.CASE_INSENSITIVE);

    static DocumentType detect(byte[] content) {
        if (content.length >= 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') {
            return PDF;
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return DOCX;
        }
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return looksLikeHtml(head) ? HTML : TEXT;
    }

    static boolean looksLikeHtml(String text) {
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        // CASE_INSENSITIVE covers the ASCII markup; lower-casing the text first found nothing more
        return head.indexOf('<') >= 0 && HTML_MARKUP.matcher(head).find();
    }
}
