package org.nianbao.extraction;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * How much work one document may cost: pages, PDF objects, bytes its compressed parts expand to, the smallest
 * compression ratio a Word part may have, and the time to read it. A document over a limit is refused with an
 * {@link UnreadableDocumentException} saying which limit.
 *
 * @param maxPages         pages of a PDF ({@value #MAX_PAGES})
 * @param maxObjects       objects of a PDF ({@value #MAX_OBJECTS})
 * @param maxExpandedBytes bytes the compressed streams of a PDF, or the parts of a Word document, expand to in all
 *                         ({@value #MAX_EXPANDED_SIZE}, in MB)
 * @param minInflateRatio  compressed size / expanded size below which a Word part is a zip bomb ({@value #MIN_INFLATE_RATIO})
 * @param deadline         time to read one document ({@value #DEADLINE}, enforced by the extraction service)
 */
public record DocumentLimits(int maxPages, int maxObjects, long maxExpandedBytes, double minInflateRatio, Duration deadline) {
    public static final String MAX_PAGES = "nianbao.document.max-pages";
    public static final String MAX_OBJECTS = "nianbao.document.max-objects";
    public static final String MAX_EXPANDED_SIZE = "nianbao.document.max-expanded-mb";
    public static final String MIN_INFLATE_RATIO = "nianbao.document.min-inflate-ratio";
    public static final String DEADLINE = "nianbao.document.deadline";

    public static final DocumentLimits DEFAULTS = new DocumentLimits(1000, 500_000, 200L << 20, 0.01, Duration.ofSeconds(20));

    /** The limits from configuration properties (as named by the constants here); a property that is not set keeps its default. */
    public static DocumentLimits from(Function<String, String> property) {
        DocumentLimits d = DEFAULTS;
        return new DocumentLimits(
                value(property, MAX_PAGES, Integer::parseInt, d.maxPages),
                value(property, MAX_OBJECTS, Integer::parseInt, d.maxObjects),
                value(property, MAX_EXPANDED_SIZE, mb -> Long.parseLong(mb) << 20, d.maxExpandedBytes),
                value(property, MIN_INFLATE_RATIO, Double::parseDouble, d.minInflateRatio),
                value(property, DEADLINE, DocumentLimits::duration, d.deadline));
    }

    /** Bytes as people read them: "200 MB". */
    static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }

    private static <T> T value(Function<String, String> property, String name, Function<String, T> parse, T fallback) {
        String raw = property.apply(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not a valid value: '" + raw + "'", e);
        }
    }

    /** "20s", "1m", "500ms" or an ISO-8601 duration ("PT20S"). */
    private static Duration duration(String raw) {
        String s = raw.toLowerCase(Locale.ROOT);
        if (s.startsWith("pt")) {
            return Duration.parse(raw);
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> throw new IllegalArgumentException("unit must be ms, s or m");
        };
    }
}
