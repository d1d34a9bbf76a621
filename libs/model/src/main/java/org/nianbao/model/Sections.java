package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Narrative text of the six parts, whitespace-normalised; {@code null} where a part is missing. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"overview", "activeDisclosure", "applications", "reviewLitigation", "problems", "other"})
public class Sections {
    /** 一、总体情况 */
    public String overview;
    /** 二、主动公开政府信息情况 (text around the table) */
    public String activeDisclosure;
    /** 三、收到和处理政府信息公开申请情况 (text around the table) */
    public String applications;
    /** 四、政府信息公开行政复议、行政诉讼情况 (text around the table) */
    public String reviewLitigation;
    /** 五、存在的主要问题及改进情况 */
    public String problems;
    /** 六、其他需要报告的事项 */
    public String other;
}
