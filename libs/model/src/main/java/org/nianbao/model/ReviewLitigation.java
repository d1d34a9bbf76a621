package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Part 四, 政府信息公开行政复议、行政诉讼情况: three groups of five numbers. */
@JsonPropertyOrder({"review", "litigationDirect", "litigationAfterReview"})
public class ReviewLitigation {
    public static final List<String> GROUPS = List.of("review", "litigationDirect", "litigationAfterReview");

    /** 行政复议 */
    public Group review = new Group();
    /** 行政诉讼 未经复议直接起诉 */
    public Group litigationDirect = new Group();
    /** 行政诉讼 复议后起诉 */
    public Group litigationAfterReview = new Group();

    /** The three groups in table order, keyed by their JSON names. */
    @JsonIgnore
    public Map<String, Group> groups() {
        Map<String, Group> m = new LinkedHashMap<>();
        m.put("review", review);
        m.put("litigationDirect", litigationDirect);
        m.put("litigationAfterReview", litigationAfterReview);
        return m;
    }

    /** One group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
    @JsonPropertyOrder({"upheld", "corrected", "other", "pending", "total"})
    public static class Group {
        public static final List<String> CELLS = List.of("upheld", "corrected", "other", "pending", "total");

        public Long upheld;
        public Long corrected;
        public Long other;
        public Long pending;
        public Long total;

        public Group() {
        }

        public Group(Long upheld, Long corrected, Long other, Long pending, Long total) {
            this.upheld = upheld;
            this.corrected = corrected;
            this.other = other;
            this.pending = pending;
            this.total = total;
        }

        /** The five cells in table order. */
        public Long[] cells() {
            return new Long[]{upheld, corrected, other, pending, total};
        }

        public static Group of(Long[] cells) {
            return new Group(cells[0], cells[1], cells[2], cells[3], cells[4]);
        }
    }
}
