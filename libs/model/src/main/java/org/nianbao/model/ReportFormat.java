package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which State Council table format a report follows. */
public enum ReportFormat {
    /** 国办公开办函〔2019〕60号 trial format (report years 2019–2020). */
    F2019("2019"),
    /** 国办公开办函〔2021〕30号 format (report years 2021 on). */
    F2021("2021"),
    /** 2021 part 二 with a single-row 三（六）其他处理, as some agencies publish. */
    MIXED("mixed"),
    /** Pre-2019 reports, whose statistics table does not map onto the model. */
    LEGACY("legacy"),
    UNKNOWN("unknown");

    private final String json;

    ReportFormat(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static ReportFormat of(String value) {
        for (ReportFormat f : values()) {
            if (f.json.equals(value)) {
                return f;
            }
        }
        return UNKNOWN;
    }

    /** True for formats whose part 二 uses the 2021 columns (本年制发件数 …). */
    public boolean has2021ActiveTable() {
        return this == F2021 || this == MIXED;
    }
}
