package org.nianbao.intake.service;

import org.nianbao.model.IssuerType;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.web.ProblemException;
import org.nianbao.model.CreditCode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a submission as a platform sends them (multipart parts, JSON or NDJSON fields, manifest columns),
 * checked against their domains and length limits before anything reaches the database; a ProblemException
 * (400) names the field and says what to fix.
 */
public final class SubmissionFields {
    /** The first report year: the regulations on government information disclosure took effect in 2008. */
    public static final int FIRST_YEAR = 2007;
    public static final int MAX_AGENCY = 200;
    public static final int MAX_SOURCE_URL = 2000;
    public static final int MAX_FILE_NAME = 255;
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    /** The metadata fields, in the order of the multipart endpoint's parameters. */
    public static final List<String> METADATA = List.of("agency", "agencyCode", "regionCode", "issuerType", "year",
            "publishedOn", "sourceUrl");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private SubmissionFields() {
    }

    /** Checked metadata from raw field values (absent, null or blank: not given). */
    public static SubmissionMetadata metadata(Map<String, String> fields) {
        String agency = text("agency", fields.get("agency"), MAX_AGENCY);
        String code = text("agencyCode", fields.get("agencyCode"), 18);
        if (code != null && CreditCode.problem(code) != null) {
            throw ProblemException.badRequest("agencyCode '" + code + "' is not a valid 统一社会信用代码: " + CreditCode.problem(code) + ".");
        }
        String region = text("regionCode", fields.get("regionCode"), 6);
        if (region != null && !region.matches("\\d{6}")) {
            throw ProblemException.badRequest("regionCode must be a 6-digit 行政区划代码, not '" + region + "'.");
        }
        String issuerCode = text("issuerType", fields.get("issuerType"), 20);
        IssuerType issuerType = issuerCode == null ? null : IssuerType.parse(issuerCode).orElseThrow(() -> ProblemException.badRequest(
                "issuerType must be one of " + String.join(", ", IssuerType.codes()) + ", not '" + issuerCode + "'."));
        Integer year = year(text("year", fields.get("year"), 10));
        LocalDate publishedOn = publishedOn(text("publishedOn", fields.get("publishedOn"), 10), year);
        String sourceUrl = text("sourceUrl", fields.get("sourceUrl"), MAX_SOURCE_URL);
        if (sourceUrl != null && !isHttpUrl(sourceUrl)) {
            throw ProblemException.badRequest("sourceUrl must be an absolute http:// or https:// address of the published report.");
        }
        return new SubmissionMetadata(agency, code == null ? null : code.toUpperCase(Locale.ROOT), region,
                issuerType, year, publishedOn, sourceUrl);
    }

    /**
     * The string values of a JSON submission's fields {@code names}: each must be a string or null ({@code year}
     * may also be an integer); any other JSON type is refused, naming the field.
     */
    public static Map<String, String> fromJson(JsonNode object, List<String> names) {
        Map<String, String> fields = new HashMap<>();
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual() || name.equals("year") && value.isIntegralNumber() && value.canConvertToInt()) {
                fields.put(name, value.asText());
            } else {
                throw ProblemException.badRequest("'" + name + "' must be " + (name.equals("year") ? "a year such as 2024" : "a string")
                        + ", not " + (value.isContainerNode() ? "an " : "a ") + value.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
            }
        }
        return fields;
    }

    /** The document's file name as sent (null: none), at most {@value #MAX_FILE_NAME} characters. */
    public static String fileName(String fileName) {
        return text("fileName", fileName, MAX_FILE_NAME);
    }

    /** The Idempotency-Key (null: none): printable ASCII, at most {@value #MAX_IDEMPOTENCY_KEY} characters. */
    public static String idempotencyKey(String key) {
        String k = text("Idempotency-Key", key, MAX_IDEMPOTENCY_KEY);
        if (k != null && !k.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badRequest("Idempotency-Key must be printable ASCII without spaces (e.g. a UUID).");
        }
        return k;
    }

    /** The latest report year accepted: next year (a platform may file early in the report's own year, never later). */
    public static int lastYear() {
        return LocalDate.now(CHINA).getYear() + 1;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(field + " has " + v.length() + " characters; at most " + max + " are accepted.");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(field + " holds control characters (such as NUL or a line break): send plain text.");
        }
        return v;
    }

    private static Integer year(String year) {
        if (year == null) {
            return null;
        }
        int y;
        try {
            y = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("year must be a number such as 2024, not '" + year + "'.");
        }
        if (y < FIRST_YEAR || y > lastYear()) {
            throw ProblemException.badRequest("year must be between " + FIRST_YEAR + " and " + lastYear() + ", not " + y + ".");
        }
        return y;
    }

    private static LocalDate publishedOn(String date, Integer year) {
        if (date == null) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("publishedOn must be a date such as 2025-01-20, not '" + date + "'.");
        }
        LocalDate yearEnd = LocalDate.of(year == null ? FIRST_YEAR : year, 12, 31);
        if (d.isBefore(yearEnd)) {
            throw ProblemException.badRequest("publishedOn " + d + " is before the end of the report year (" + yearEnd
                    + "): a year's report is published after the year ends.");
        }
        if (d.isAfter(LocalDate.now(CHINA).plusDays(1))) {
            throw ProblemException.badRequest("publishedOn " + d + " is in the future.");
        }
        return d;
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
