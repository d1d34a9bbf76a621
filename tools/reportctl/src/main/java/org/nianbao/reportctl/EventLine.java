package org.nianbao.reportctl;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.nianbao.events.Headers;
import org.nianbao.model.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One pipeline event as an operator reads it. */
record EventLine(ConsumerRecord<String, String> record, JsonNode event) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    static EventLine of(ConsumerRecord<String, String> record) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(record.value() == null ? "null" : record.value());
        } catch (Exception e) {
            event = null;
        }
        return new EventLine(record, event);
    }

    String header(String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    String submissionId() {
        String id = header(Headers.SUBMISSION_ID);
        return id != null && !id.isEmpty() ? id : text("submissionId");
    }

    String agency() {
        String a = text("metadata", "agency");
        return a != null ? a : text("report", "agency");
    }

    String year() {
        String y = text("metadata", "year");
        return y != null ? y : text("report", "year");
    }

    /** The stage the event announces, from its topic (and type: publication's outcome is published or held for review). */
    String stage() {
        String topic = record.topic();
        if (topic.endsWith("-dlq")) {
            return "DEAD-LETTER";
        }
        return switch (topic) {
            case "report-submitted" -> "RECEIVED";
            case "report-parsed" -> "PARSED";
            case "report-validated" -> "VALIDATED";
            case "report-published" -> org.nianbao.events.EventTypes.HELD.equals(header(Headers.CE_TYPE)) ? "IN_REVIEW" : "PUBLISHED";
            default -> topic;
        };
    }

    /** What came out of the stage: format and problems, finding counts, or the dead-letter reason. */
    String outcome() {
        if (event == null) {
            return "unreadable event: " + abbreviate(record.value());
        }
        String reason = header(Headers.DLQ_REASON);
        if (reason != null) {
            return "reason: " + reason;
        }
        if (event.has("findings")) {
            int errors = 0;
            int warnings = 0;
            int infos = 0;
            for (JsonNode f : event.get("findings")) {
                switch (f.path("severity").asText()) {
                    case "error" -> errors++;
                    case "warning" -> warnings++;
                    default -> infos++;
                }
            }
            return String.format("findings: %d error(s), %d warning(s), %d info, round %s", errors, warnings, infos,
                    event.path("validationRound").asText());
        }
        if (event.has("report")) {
            return "format " + event.at("/report/format").asText() + ", "
                    + event.at("/report/extraction/problems").size() + " extraction problem(s)";
        }
        if (event.has("reportId")) {
            return "report " + event.get("reportId").asText() + ": " + event.path("errors").asInt() + " error(s), "
                    + event.path("warnings").asInt() + " warning(s)";
        }
        if (event.has("document")) {
            return event.at("/document/fileName").asText() + " (" + event.at("/document/size").asLong() + " bytes), revision "
                    + event.path("revision").asInt();
        }
        return "";
    }

    String readable() {
        return String.format("%s  %-11s %-36s %-24s %-5s %s", TIME.format(Instant.ofEpochMilli(record.timestamp())),
                stage(), nvl(submissionId()), nvl(agency()), nvl(year()), outcome());
    }

    boolean matches(String agencyFilter, String submissionFilter) {
        if (submissionFilter != null && !submissionFilter.equals(submissionId())) {
            return false;
        }
        return agencyFilter == null || agency() != null && agency().contains(agencyFilter);
    }

    private String text(String... path) {
        JsonNode n = event;
        for (String p : path) {
            if (n == null) {
                return null;
            }
            n = n.get(p);
        }
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String nvl(String s) {
        return s == null ? "-" : s;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
