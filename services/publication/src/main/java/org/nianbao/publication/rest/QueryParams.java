package org.nianbao.publication.rest;

import jakarta.ws.rs.BadRequestException;

/** Checks of the query parameters the API and the pages share, each refusal saying what to send instead. */
public final class QueryParams {
    private QueryParams() {
    }

    /** A 行政区划代码 prefix: up to 6 digits, "" for everywhere. */
    public static String regionPrefix(String region) {
        String prefix = region == null ? "" : region.strip();
        if (!prefix.matches("\\d{0,6}")) {
            throw new BadRequestException("region must be a 行政区划代码 prefix of up to 6 digits, e.g. 32 or 320800; got '" + prefix + "'.");
        }
        return prefix;
    }

    /** A year written as text (a form field), null when empty. */
    public static Integer year(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("year must be a number such as 2024; got '" + year + "'.");
        }
    }

    public static int requireYear(Integer year, String example) {
        if (year == null) {
            throw new BadRequestException("year is required, e.g. " + example);
        }
        return year;
    }
}
