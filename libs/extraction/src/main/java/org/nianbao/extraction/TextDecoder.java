package org.nianbao.extraction;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes report text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK).
 * Bytes that are valid in none of them, or that decode to binary data, are refused.
 */
public final class TextDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableDocumentException("The document is empty.");
        }
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strict(bytes, 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strict(bytes, 2, StandardCharsets.UTF_16BE);
        } else {
            text = strictUtf8(bytes);
            if (text == null) {
                text = strict(bytes, 0, GB18030);
            }
        }
        if (text == null) {
            throw new UnreadableDocumentException("The text is not valid UTF-8, UTF-16 or GBK/GB18030.");
        }
        if (looksBinary(text)) {
            throw new UnreadableDocumentException("The document holds binary data, not text.");
        }
        return text;
    }

    /**
     * Strict UTF-8 the fast way: the String constructor replaces malformed input with U+FFFD, so a result without
     * U+FFFD was valid; only text holding U+FFFD (malformed, or written so) goes through the strict decoder.
     */
    private static String strictUtf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? text : strict(bytes, 0, StandardCharsets.UTF_8);
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** NUL characters, or many control characters, mean binary data. */
    private static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control > 8 && control * 20 > text.length();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
