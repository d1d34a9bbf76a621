import json, sys, html, os
# HTML report with the official tables (merged cells as in the template), values from a gold JSON.
def v(x):
    if x is None: return ""
    if isinstance(x, float) and x.is_integer(): x = int(x)
    return str(x)
def td(t, rs=1, cs=1, w=None):
    a = ""
    if rs > 1: a += f' rowspan="{rs}"'
    if cs > 1: a += f' colspan="{cs}"'
    if w: a += f' style="width:{w}"'
    return f"<td{a}>{html.escape(t)}</td>"
def active(g):
    a = g["active"]; f = g["format"]
    rows = []
    if "issued" in a["rules"]:
        rows.append(td("第二十条第（一）项", cs=4))
        rows.append(td("信息内容") + td("本年制发件数") + td("本年废止件数") + td("现行有效件数"))
        for k, lab in (("rules", "规章"), ("normativeDocuments", "行政规范性文件")):
            r = a[k]; rows.append(td(lab) + td(v(r["issued"])) + td(v(r["repealed"])) + td(v(r["inForce"])))
        rows.append(td("第二十条第（五）项", cs=4))
        rows.append(td("信息内容") + td("本年处理决定数量", cs=3))
        rows.append(td("行政许可") + td(v(a["licensing"]["decisions"]), cs=3))
        rows.append(td("第二十条第（六）项", cs=4))
        rows.append(td("信息内容") + td("本年处理决定数量", cs=3))
        rows.append(td("行政处罚") + td(v(a["penalty"]["decisions"]), cs=3))
        rows.append(td("行政强制") + td(v(a["coercion"]["decisions"]), cs=3))
        rows.append(td("第二十条第（八）项", cs=4))
        rows.append(td("信息内容") + td("本年收费金额（单位：万元）", cs=3))
        rows.append(td("行政事业性收费") + td(v(a["fees"]["amountWanYuan"]), cs=3))
    else:
        rows.append(td("第二十条第（一）项", cs=4))
        rows.append(td("信息内容") + td("本年新制作数量") + td("本年新公开数量") + td("对外公开总数量"))
        for k, lab in (("rules", "规章"), ("normativeDocuments", "规范性文件")):
            r = a[k]; rows.append(td(lab) + td(v(r["newlyMade"])) + td(v(r["newlyPublished"])) + td(v(r["totalPublished"])))
        for item, ks in (("（五）", (("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项"))), ("（六）", (("penalty", "行政处罚"), ("coercion", "行政强制")))):
            rows.append(td("第二十条第" + item + "项", cs=4))
            rows.append(td("信息内容") + td("上一年项目数量") + td("本年增/减") + td("处理决定数量"))
            for k, lab in ks:
                r = a[k]; rows.append(td(lab) + td(v(r["previousItems"])) + td(v(r["change"])) + td(v(r["decisions"])))
        rows.append(td("第二十条第（八）项", cs=4))
        rows.append(td("信息内容") + td("上一年项目数量") + td("本年增/减", cs=2))
        r = a["fees"]; rows.append(td("行政事业性收费") + td(v(r["previousItems"])) + td(v(r["change"]), cs=2))
        rows.append(td("第二十条第（九）项", cs=4))
        rows.append(td("信息内容") + td("采购项目数量") + td("采购总金额", cs=2))
        r = a["procurement"]; rows.append(td("政府集中采购") + td(v(r["projects"])) + td(v(r["amountYuan"]), cs=2))
    return "<table class='t' border='1' cellspacing='0'>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"
DENIED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNAV = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOTP = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]
OTH = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
def apps(g, widths):
    ap = g["applications"]; split = ap["otherSplit"]
    def row(k): return ap["rows"].get(k, ap["default"])
    def cells(k): return "".join(td(v(x)) for x in row(k))
    w0, w1, w2 = widths
    head = ("<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3) + td("申请人情况", cs=7) + "</tr>"
            "<tr>" + td("自然人", rs=2) + td("法人或其他组织", cs=5) + td("总计", rs=2) + "</tr>"
            "<tr>" + td("商业企业") + td("科研机构") + td("社会公益组织") + td("法律服务机构") + td("其他") + "</tr>")
    body = ["<tr>" + td("一、本年新收政府信息公开申请数量", cs=3) + cells("newReceived") + "</tr>",
            "<tr>" + td("二、上年结转政府信息公开申请数量", cs=3) + cells("carriedOver") + "</tr>"]
    n_res = 2 + 8 + 3 + 5 + (3 if split else 1) + 1
    body.append("<tr>" + td("三、本年度办理结果", rs=n_res) + td("（一）予以公开", cs=2) + cells("granted") + "</tr>")
    body.append("<tr>" + td("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", cs=2) + cells("partiallyGranted") + "</tr>")
    keys = ["stateSecret", "lawProhibited", "safetyStability", "thirdPartyRights", "internalAffairs", "processInformation", "enforcementFiles", "queryMatters"]
    for i, (k, lab) in enumerate(zip(keys, DENIED)):
        body.append("<tr>" + (td("（三）不予公开", rs=8) if i == 0 else "") + td(lab) + cells("denied." + k) + "</tr>")
    for i, (k, lab) in enumerate(zip(["notHeld", "needsCreation", "unclear"], UNAV)):
        body.append("<tr>" + (td("（四）无法提供", rs=3) if i == 0 else "") + td(lab) + cells("unavailable." + k) + "</tr>")
    for i, (k, lab) in enumerate(zip(["complaint", "duplicate", "publication", "excessive", "confirmation"], NOTP)):
        body.append("<tr>" + (td("（五）不予处理", rs=5) if i == 0 else "") + td(lab) + cells("notProcessed." + k) + "</tr>")
    if split:
        for i, (k, lab) in enumerate(zip(["overdueCorrection", "unpaidFee", "other"], OTH)):
            body.append("<tr>" + (td("（六）其他处理", rs=3) if i == 0 else "") + td(lab) + cells("other." + k) + "</tr>")
    else:
        body.append("<tr>" + td("（六）其他处理", cs=2) + cells("other") + "</tr>")
    body.append("<tr>" + td("（七）总计", cs=2) + cells("totalProcessed") + "</tr>")
    body.append("<tr>" + td("四、结转下年度继续办理", cs=3) + cells("carriedForward") + "</tr>")
    cols = f"<colgroup><col style='width:{w0}'><col style='width:{w1}'><col style='width:{w2}'>" + "<col>" * 7 + "</colgroup>"
    return f"<table class='t' border='1' cellspacing='0'>{cols}<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
def review(g):
    rl = g["reviewLitigation"]
    res = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    h = ("<tr>" + td("行政复议", cs=5) + td("行政诉讼", cs=10) + "</tr><tr>" + "".join(td(x, rs=2) for x in res)
         + td("未经复议直接起诉", cs=5) + td("复议后起诉", cs=5) + "</tr><tr>" + "".join(td(x) for x in res * 2) + "</tr>")
    d = "<tr>" + "".join(td(v(x)) for grp in ("review", "litigationDirect", "litigationAfterReview") for x in rl[grp]) + "</tr>"
    return f"<table class='t' border='1' cellspacing='0'>{h}{d}</table>"
FILL = "本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，严格执行《中华人民共和国政府信息公开条例》，持续深化重点领域信息公开，不断提升政务公开质量和实效。"
def report(g, variant):
    fill = int(variant.get("fill", 1)); widths = variant.get("widths", ("8%", "10%", "14%"))
    font = variant.get("font", "11pt")
    paras = lambda n: "".join(f"<p>{FILL}</p>" for _ in range(n))
    t = g["title"]
    body = (f"<h2 style='text-align:center'>{html.escape(t)}</h2>"
            f"<p>本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自{g['year']}年1月1日起至{g['year']}年12月31日止。</p>"
            f"<p>一、总体情况</p>{paras(fill)}<p>二、主动公开政府信息情况</p>{active(g)}"
            f"<p>三、收到和处理政府信息公开申请情况</p>{paras(variant.get('fill3', 0))}{apps(g, widths)}"
            f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{review(g)}"
            f"<p>五、存在的主要问题及改进情况</p>{paras(2)}<p>六、其他需要报告的事项</p><p>本年度无收取信息处理费情况。</p>"
            f"<p style='text-align:right'>{html.escape(g.get('agency') or '')}</p>")
    css = (f"body{{font-family:'WenQuanYi Zen Hei';font-size:{font}}} table.t{{border-collapse:collapse;width:100%;margin:6pt 0}}"
           "table.t td{border:0.75pt solid #000;text-align:center;vertical-align:middle;padding:2pt}")
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"
if __name__ == "__main__":
    g = json.load(open(sys.argv[1])); variant = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    open(sys.argv[2], "w").write(report(g, variant))
