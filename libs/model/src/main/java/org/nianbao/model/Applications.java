package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 三, 收到和处理政府信息公开申请情况: every row is 7 numbers in {@link #COLUMNS} order,
 * {@code null} for a blank cell.
 */
public class Applications {
    public static final List<String> COLUMNS = List.of(
            "naturalPerson", "commercial", "research", "socialWelfare", "legalService", "otherOrg", "total");
    public static final int TOTAL = 6;

    public static final String NEW_RECEIVED = "newReceived";
    public static final String CARRIED_OVER = "carriedOver";
    public static final String TOTAL_PROCESSED = "totalProcessed";
    public static final String CARRIED_FORWARD = "carriedForward";

    /** Outcome rows common to both formats, before （六）. */
    public static final List<String> OUTCOMES_COMMON = List.of(
            "granted", "partiallyGranted",
            "denied.stateSecret", "denied.lawProhibited", "denied.safetyStability", "denied.thirdPartyRights",
            "denied.internalAffairs", "denied.processInformation", "denied.enforcementFiles", "denied.queryMatters",
            "unavailable.notHeld", "unavailable.needsCreation", "unavailable.unclear",
            "notProcessed.complaint", "notProcessed.duplicate", "notProcessed.publication",
            "notProcessed.excessive", "notProcessed.confirmation");
    /** 三（六） as one row (2019 and mixed formats). */
    public static final List<String> OTHER_SINGLE = List.of("other");
    /** 三（六） as three rows (2021 format). */
    public static final List<String> OTHER_SPLIT = List.of("other.overdueCorrection", "other.unpaidFee", "other.other");

    public List<String> columns = COLUMNS;
    public Map<String, List<Long>> rows = new LinkedHashMap<>();

    /** The model path of a cell, e.g. {@code applications.rows.granted[0]}. */
    public static String path(String row, int column) {
        return "applications.rows." + row + "[" + column + "]";
    }

    /** The row keys of the format, in table order. */
    public static List<String> rowKeys(boolean otherSplit) {
        List<String> keys = new ArrayList<>();
        keys.add(NEW_RECEIVED);
        keys.add(CARRIED_OVER);
        keys.addAll(outcomeKeys(otherSplit));
        keys.add(TOTAL_PROCESSED);
        keys.add(CARRIED_FORWARD);
        return Collections.unmodifiableList(keys);
    }

    /** The outcome leaf rows whose sum is （七）总计. */
    public static List<String> outcomeKeys(boolean otherSplit) {
        List<String> keys = new ArrayList<>(OUTCOMES_COMMON);
        keys.addAll(otherSplit ? OTHER_SPLIT : OTHER_SINGLE);
        return keys;
    }

    /** An instance with every row of the layout present and every cell blank. */
    public static Applications blank(boolean otherSplit) {
        Applications a = new Applications();
        for (String key : rowKeys(otherSplit)) {
            a.rows.put(key, Arrays.asList(new Long[COLUMNS.size()]));
        }
        return a;
    }

    /** True when （六） is present as three sub-rows. */
    @JsonIgnore
    public boolean otherSplit() {
        return rows.containsKey(OTHER_SPLIT.get(0));
    }

    /** A cell, or {@code null} when blank or absent. */
    public Long cell(String row, int column) {
        List<Long> values = rows.get(row);
        return values == null || column >= values.size() ? null : values.get(column);
    }
}
