package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who issues a report, which fixes its publication deadline (国务院办公厅 rules): a department (部门) by 1-31,
 * a county-level government (县级) by 2-20, a prefecture-level city (设区的市级) by 3-10, a province (省级) by 3-31.
 * Written in events, APIs and registries as its lower-case code.
 */
public enum IssuerType {
    DEPARTMENT("department", "部门"),
    COUNTY("county", "县级政府"),
    PREFECTURE("prefecture", "设区的市级政府"),
    PROVINCE("province", "省级政府");

    private final String code;
    private final String chinese;

    IssuerType(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The issuer's name in the State Council's wording. */
    public String chinese() {
        return chinese;
    }

    /** Every code, in the order above: what error messages list. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(IssuerType::code).toList();
    }

    /** The type with this code (any case, surrounding blanks ignored); empty for null or an unknown code. */
    public static Optional<IssuerType> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(wanted)).findFirst();
    }

    /** Reads a code from JSON; an unknown code is refused with the list of known ones. */
    @JsonCreator
    public static IssuerType of(String code) {
        return code == null || code.isBlank() ? null : parse(code).orElseThrow(() ->
                new IllegalArgumentException("issuer type must be one of " + String.join(", ", codes()) + ", not '" + code + "'"));
    }

    @Override
    public String toString() {
        return code;
    }
}
