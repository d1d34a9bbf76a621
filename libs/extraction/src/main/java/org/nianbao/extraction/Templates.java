package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;

/** The row labels of the official tables (report-format.md), in table order. */
final class Templates {
    private Templates() {
    }

    static final List<RowSpec> ACTIVE_2021 = List.of(
            RowSpec.of("rules", 3, "规章"),
            RowSpec.of("normativeDocuments", 3, "(行政)?规范性文件"),
            RowSpec.of("licensing", 1, "行政许可"),
            RowSpec.of("penalty", 1, "行政处罚"),
            RowSpec.of("coercion", 1, "行政强制"),
            RowSpec.of("fees", 1, "行政事业性收费"));

    static final List<RowSpec> ACTIVE_2019 = List.of(
            RowSpec.of("rules", 3, "规章"),
            RowSpec.of("normativeDocuments", 3, "(行政)?规范性文件"),
            RowSpec.of("licensing", 3, "行政许可"),
            RowSpec.of("otherServices", 3, "其他对外管理服务事项|对外管理服务事项"),
            RowSpec.of("penalty", 3, "行政处罚"),
            RowSpec.of("coercion", 3, "行政强制"),
            RowSpec.of("fees", 2, "行政事业性收费"),
            RowSpec.of("procurement", 2, "政府集中采购"));

    private static final List<RowSpec> APPLICATIONS_HEAD = List.of(
            RowSpec.of("newReceived", 7, "本年新收"),
            RowSpec.of("carriedOver", 7, "上年结转"),
            RowSpec.of("granted", 7, "予以公开"),
            RowSpec.of("partiallyGranted", 7, "部分公开"),
            RowSpec.of("denied.stateSecret", 7, "国家秘密"),
            RowSpec.of("denied.lawProhibited", 7, "法律行政法规禁止|法律法规禁止|行政止公开|禁止公开"),
            RowSpec.of("denied.safetyStability", 7, "三安全一稳定|危及"),
            RowSpec.of("denied.thirdPartyRights", 7, "第三方合法权益|第三方"),
            RowSpec.of("denied.internalAffairs", 7, "内部事务"),
            RowSpec.of("denied.processInformation", 7, "过程性信息"),
            RowSpec.of("denied.enforcementFiles", 7, "执法案卷"),
            RowSpec.of("denied.queryMatters", 7, "查询事项"),
            RowSpec.of("unavailable.notHeld", 7, "不掌握"),
            RowSpec.of("unavailable.needsCreation", 7, "另行制作|没有现成"),
            RowSpec.of("unavailable.unclear", 7, "仍不明确|补正后申请"),
            RowSpec.of("notProcessed.complaint", 7, "信访举报投诉|信访|举报投诉"),
            RowSpec.of("notProcessed.duplicate", 7, "重复申请"),
            RowSpec.of("notProcessed.publication", 7, "公开出版物"),
            RowSpec.of("notProcessed.excessive", 7, "大量反复"),
            RowSpec.of("notProcessed.confirmation", 7, "重新出具|确认或重新"));

    private static final List<RowSpec> APPLICATIONS_TAIL = List.of(
            RowSpec.of("totalProcessed", 7, "总计"),
            RowSpec.of("carriedForward", 7, "结转下年度"));

    /** The single-row （六）其他处理 of the 2019 format. */
    static final RowSpec OTHER_SINGLE = RowSpec.of("other", 7, "其他处理");
    /** The heading of the 2021 （六） block, whose three sub-rows follow. */
    static final RowSpec OTHER_HEADING = RowSpec.of("other.heading", 0, "其他处理");
    static final List<RowSpec> OTHER_SPLIT = List.of(
            RowSpec.of("other.overdueCorrection", 7, "逾期不补正"),
            RowSpec.of("other.unpaidFee", 7, "缴纳费用|收费通知|逾期未按"),
            RowSpec.of("other.other", 7, "3[.、．]?其他|^其他$"));

    // The row identities hold "as far as the cells go": given the first cells of a row, they are false only
    // when those cells already break the identity, so a search can stop early.

    /** Part 三, each row: the six applicant columns add up to 总计. */
    static boolean applicationRowHolds(List<Long> row) {
        if (row.size() < 7) {
            return true;
        }
        long sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += row.get(i);
        }
        return sum == row.get(6);
    }

    /** Part 四: in each of the three groups, 总计 is the sum of its four results. */
    static boolean reviewGroupsHold(List<Long> cells) {
        for (int g = 0; g < cells.size() / 5; g++) {
            long sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += cells.get(g * 5 + k);
            }
            if (sum != cells.get(g * 5 + 4)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Part 三, per column (the table's 勾稽关系): the results （一）…（六） add up to （七）总计, and
     * 一 (new) + 二 (carried over) = 三（七）总计 + 四 (carried forward).
     */
    static List<TableSolver.Identity> applicationIdentities(boolean otherSplit) {
        List<String> results = applications(otherSplit).stream().map(RowSpec::key)
                .filter(k -> !k.equals("newReceived") && !k.equals("carriedOver") && !k.equals("other.heading")
                        && !k.equals("totalProcessed") && !k.equals("carriedForward"))
                .toList();
        return List.of(new TableSolver.Identity(results, List.of("totalProcessed")),
                new TableSolver.Identity(List.of("newReceived", "carriedOver"), List.of("totalProcessed", "carriedForward")));
    }

    static List<RowSpec> applications(boolean otherSplit) {
        List<RowSpec> rows = new ArrayList<>(APPLICATIONS_HEAD);
        if (otherSplit) {
            rows.add(OTHER_HEADING);
            rows.addAll(OTHER_SPLIT);
        } else {
            rows.add(OTHER_SINGLE);
        }
        rows.addAll(APPLICATIONS_TAIL);
        return rows;
    }
}
