package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One validation finding: the rule id of docs/validation-rules.md, a severity, the model paths of the
 * cells involved, expected and actual values where there are numbers, and a message in Chinese and English.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, Severity severity, List<String> paths, Object expected, Object actual,
                      Message message) {

    public record Message(String zh, String en) {
    }

    public static Finding of(String rule, Severity severity, List<String> paths, Object expected, Object actual,
                             String zh, String en) {
        return new Finding(rule, severity, List.copyOf(paths), expected, actual, new Message(zh, en));
    }
}
