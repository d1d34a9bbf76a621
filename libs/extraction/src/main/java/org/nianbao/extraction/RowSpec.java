package org.nianbao.extraction;

import java.util.regex.Pattern;

/**
 * A table row as the template names it: its key in the model, how many values it has, and a pattern
 * matched against the label text with all whitespace removed (tolerant of the typos and variants that
 * published reports show).
 */
record RowSpec(String key, int values, Pattern label) {

    static RowSpec of(String key, int values, String regex) {
        return new RowSpec(key, values, Pattern.compile(regex));
    }
}
