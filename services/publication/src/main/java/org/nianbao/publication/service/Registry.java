package org.nianbao.publication.service;

import org.nianbao.events.AgencyKey;
import org.nianbao.model.CreditCode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The registry of the agencies that must report, read from CSV with the columns name, code, region,
 * issuerType (统一社会信用代码 optional; region a 6-digit 行政区划代码; issuer type department, county,
 * prefecture or province). The header may also use the Chinese names 机关名称, 统一社会信用代码, 行政区划代码,
 * 发布主体类型. Every line is checked; one bad line rejects the file, with every problem listed.
 */
public final class Registry {
    private static final Map<String, String> HEADERS = Map.of("name", "name", "机关名称", "name", "code", "code",
            "统一社会信用代码", "code", "region", "region", "行政区划代码", "region", "issuertype", "issuerType",
            "发布主体类型", "issuerType");

    /** One agency that must report; {@code id} is its agency key, as reports are keyed. */
    public record Agency(String id, String name, String code, String region, String issuerType) {
    }

    /** The file could not be read; {@code problems} says where and why. */
    public static final class InvalidRegistry extends RuntimeException {
        public final List<String> problems;

        InvalidRegistry(List<String> problems) {
            super(String.join("; ", problems.subList(0, Math.min(problems.size(), 20)))
                    + (problems.size() > 20 ? " … and " + (problems.size() - 20) + " more" : ""));
            this.problems = problems;
        }
    }

    private Registry() {
    }

    public static List<Agency> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<List<String>> lines = Csv.parse(text);
        List<String> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            throw new InvalidRegistry(List.of("The file is empty: send a header line name,code,region,issuerType and one line per agency."));
        }
        List<String> header = lines.get(0).stream().map(h -> HEADERS.get(h.strip().toLowerCase(Locale.ROOT))).toList();
        int name = header.indexOf("name");
        int code = header.indexOf("code");
        int region = header.indexOf("region");
        int type = header.indexOf("issuerType");
        if (name < 0 || region < 0) {
            throw new InvalidRegistry(List.of("The header must name the columns name, code, region, issuerType; got " + lines.get(0) + "."));
        }
        List<Agency> agencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = lines.get(i);
            if (f.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            String n = field(f, name);
            String c = field(f, code);
            String r = field(f, region);
            String t = field(f, type);
            if (n == null) {
                problems.add("line " + line + ": the agency name is empty");
            }
            if (r == null || !r.matches("\\d{6}")) {
                problems.add("line " + line + ": the region must be a 6-digit 行政区划代码, got '" + (r == null ? "" : r) + "'");
            }
            if (c != null && CreditCode.problem(c) != null) {
                problems.add("line " + line + ": " + CreditCode.problem(c));
            }
            if (t != null && org.nianbao.model.IssuerType.parse(t).isEmpty()) {
                problems.add("line " + line + ": the issuer type must be one of " + org.nianbao.model.IssuerType.codes() + ", got '" + t + "'");
            }
            if (n == null) {
                continue;
            }
            String id = AgencyKey.of(c, n);
            if (!seen.add(id)) {
                problems.add("line " + line + ": " + n + " is listed twice");
            }
            agencies.add(new Agency(id, n, c == null ? null : c.toUpperCase(Locale.ROOT), r, t));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegistry(problems);
        }
        return agencies;
    }

    private static String field(List<String> fields, int index) {
        if (index < 0 || index >= fields.size() || fields.get(index).isBlank()) {
            return null;
        }
        return fields.get(index).strip();
    }
}
