package org.nianbao.publication.web;

import io.smallrye.mutiny.Uni;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.nianbao.model.Finding;
import org.nianbao.model.OfficialTables;
import org.nianbao.publication.auth.ReviewerAuthentication;
import org.nianbao.publication.auth.Reviewers;
import org.nianbao.publication.messaging.Approvals;
import org.nianbao.publication.review.FindingReview;
import org.nianbao.publication.review.ProblemList;
import org.nianbao.publication.review.Reviewer;
import org.nianbao.publication.service.FindingLife;
import org.nianbao.publication.service.ReviewService;
import org.nianbao.web.ProblemException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.nianbao.publication.web.Html.escape;
import static org.nianbao.publication.web.Html.param;

/**
 * The reviewers' pages (server-rendered, like the public ones): sign-in, the queue of my region, a report with
 * confirm/dismiss on each finding and approve, and the 问题清单 with its exports. Forms post and redirect back.
 */
@Path("/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {
    @Inject
    ReviewService review;
    @Inject
    Reviewers reviewers;
    @Inject
    Approvals approvals;

    /** True when reviewers may sign in through the identity provider (authorization code flow). */
    @ConfigProperty(name = "nianbao.oidc.web-enabled", defaultValue = "false")
    boolean providerSignIn;

    /** The person's access token, after quarkus-oidc's authorization code flow on /review/signin/oidc. */
    @Inject
    Instance<AccessTokenCredential> accessToken;

    @GET
    @Path("/signin")
    public String signInPage(@QueryParam("next") String next, @QueryParam("error") String error) {
        return page("审核登录 Sign in", null, "<h1>审核登录 Reviewer sign-in</h1>"
                + (error == null ? "" : "<p class=\"err\">" + escape(error) + "</p>")
                + (providerSignIn ? "<p><a href=\"/review/signin/oidc\" id=\"signin-oidc\">通过统一身份认证登录 Sign in with the"
                        + " identity provider</a></p><p class=\"muted\">或 or</p>" : "")
                + "<form method=\"post\" action=\"/review/signin\"><input type=\"hidden\" name=\"next\" value=\"" + escape(local(next))
                + "\"><label>令牌 Token <input type=\"password\" name=\"token\" id=\"token\" size=\"50\" autocomplete=\"off\"></label> "
                + "<button type=\"submit\" id=\"signin\">登录</button></form><p class=\"muted\">Your reviewer token, or an access token"
                + " of your identity provider.</p>");
    }

    @POST
    @Path("/signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@FormParam("token") String token, @FormParam("next") String next) {
        String target = local(next);
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(redirect("/review/signin?error=" + param("请输入令牌 Enter your token") + "&next=" + param(target)));
        }
        return reviewers.of(token.strip())
                .map(r -> Response.seeOther(URI.create(target)).cookie(new NewCookie.Builder(ReviewerAuthentication.COOKIE)
                        .value(token.strip()).path("/review").httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build()).build())
                .onFailure(ProblemException.class).recoverWithItem(e -> redirect("/review/signin?error="
                        + param(e.getMessage()) + "&next=" + param(target)));
    }

    /**
     * Back from the identity provider (quarkus-oidc ran the authorization code flow for this path): the person's access
     * token goes to the review cookie, as a reviewer's token would, if it names a reviewer.
     */
    @GET
    @Path("/signin/oidc")
    public Uni<Response> signedInWithProvider() {
        if (!providerSignIn || !accessToken.isResolvable()) {
            return Uni.createFrom().item(redirect(ReviewerAuthentication.SIGN_IN));
        }
        return signIn(accessToken.get().getToken(), "/review");
    }

    @POST
    @Path("/signout")
    public Response signOut() {
        return Response.seeOther(URI.create(ReviewerAuthentication.SIGN_IN)).cookie(new NewCookie.Builder(ReviewerAuthentication.COOKIE)
                .value("").path("/review").maxAge(0).httpOnly(true).build()).build();
    }

    @GET
    public Uni<String> queue(@Context ContainerRequestContext request, @QueryParam("year") Integer year) {
        Reviewer reviewer = ReviewerAuthentication.of(request);
        return review.queue(reviewer, null, year).map(items -> {
            StringBuilder b = new StringBuilder("<h1>待审核报告 Awaiting review</h1><p class=\"muted\">")
                    .append(escape(reviewer.name())).append(" · 区划 ").append(reviewer.covers(null) ? "全部" : escape(reviewer.regionPrefix()) + "*")
                    .append("</p><table class=\"list\" id=\"queue\"><tr><th>单位</th><th>区划</th><th>年度</th><th>版本</th><th>错误</th><th>警告</th><th>提交审核</th></tr>");
            items.forEach(q -> b.append("<tr><td><a href=\"/review/reports/").append(escape(q.reportId())).append("\">")
                    .append(escape(q.agency())).append("</a></td><td>").append(escape(q.regionCode())).append("</td><td>").append(q.year())
                    .append("</td><td>第").append(q.revision()).append("版第").append(q.validationRound()).append("轮</td><td class=\"")
                    .append(q.errors() > 0 ? "err" : "ok").append("\">").append(q.errors()).append("</td><td>").append(q.warnings())
                    .append("</td><td>").append(q.heldAt()).append("</td></tr>"));
            if (items.isEmpty()) {
                b.append("<tr><td colspan=\"7\" class=\"muted\">没有待审核的报告 Nothing awaits review.</td></tr>");
            }
            return page("待审核 Queue", reviewer, b.append("</table>").toString());
        });
    }

    @GET
    @Path("/reports/{id}")
    public Uni<String> report(@Context ContainerRequestContext request, @PathParam("id") String id) {
        Reviewer reviewer = ReviewerAuthentication.of(request);
        return review.report(reviewer, id).map(r -> page(r.title(), reviewer, render(r)));
    }

    @POST
    @Path("/reports/{id}/decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@Context ContainerRequestContext request, @PathParam("id") String id, @FormParam("rule") String rule,
                                @FormParam("paths") String paths, @FormParam("decision") String decision, @FormParam("reason") String reason) {
        FindingReview.Decision d = "DISMISSED".equals(decision) ? FindingReview.Decision.DISMISSED : FindingReview.Decision.CONFIRMED;
        List<String> cells = paths == null || paths.isBlank() ? List.of() : Arrays.asList(paths.split(","));
        return review.decide(ReviewerAuthentication.of(request), id, rule, cells, d, reason)
                .map(r -> redirect("/review/reports/" + param(id) + "#findings"));
    }

    @POST
    @Path("/reports/{id}/approve")
    public Uni<Response> approve(@Context ContainerRequestContext request, @PathParam("id") String id) {
        return review.approve(ReviewerAuthentication.of(request), id).call(approvals::release)
                .map(events -> redirect("/review/reports/" + param(id) + "?approved=" + events.size()));
    }

    @GET
    @Path("/problems")
    public Uni<String> problems(@Context ContainerRequestContext request, @QueryParam("year") Integer year,
                                @QueryParam("region") String region) {
        Reviewer reviewer = ReviewerAuthentication.of(request);
        int y = year == null ? java.time.Year.now().getValue() - 1 : year;
        return review.problems(reviewer, region, y).map(list -> {
            ProblemList.Summary s = list.summary();
            String query = "region=" + param(list.regionPrefix()) + "&year=" + y;
            StringBuilder b = new StringBuilder("<h1>问题清单 ").append(y).append("年度</h1><form class=\"filters\" method=\"get\">")
                    .append("<label>年度 <input name=\"year\" value=\"").append(y).append("\" size=\"5\"></label><button>查看</button></form>")
                    .append("<p id=\"summary\">有未改正问题的单位 <b>").append(s.agenciesWithOpenProblems()).append("</b> 个 · 未改正 <b>")
                    .append(s.open()).append("</b> · 已改正 <b>").append(s.resolved()).append("</b> · <a href=\"/review/v1/problems.xlsx?")
                    .append(query).append("\" id=\"xlsx\">下载 XLSX</a> · <a href=\"/review/v1/problems?").append(query).append("\">JSON</a></p>")
                    .append("<table class=\"list\" id=\"problems\"><tr><th>单位</th><th>规则</th><th>位置</th><th>报告所列</th><th>应为</th><th>问题</th><th>状态</th><th>整改通知</th></tr>");
            list.problems().forEach(p -> b.append("<tr><td><a href=\"/review/reports/").append(escape(p.reportId())).append("\">")
                    .append(escape(p.agency())).append("</a></td><td>").append(escape(p.rule())).append("</td><td>")
                    .append(escape(String.join("；", p.cells().stream().map(c -> c.row() + (c.column() == null ? "" : " · " + c.column())).toList())))
                    .append("</td><td>").append(escape(p.says())).append("</td><td>").append(escape(p.shouldSay())).append("</td><td>")
                    .append(escape(p.message())).append("</td><td class=\"").append(p.state() == ProblemList.State.OPEN ? "err" : "ok").append("\">")
                    .append(p.state() == ProblemList.State.OPEN ? "未改正" : "已改正（第" + p.resolvedIn() + "版）")
                    .append("</td><td><a href=\"/review/v1/reports/").append(escape(p.reportId())).append("/notice.docx\">DOCX</a></td></tr>"));
            return page("问题清单", reviewer, b.append("</table>").toString());
        });
    }

    /** The report under review: its state, approve, each finding with confirm/dismiss, then the tables. */
    static String render(ReviewService.UnderReview r) {
        StringBuilder b = new StringBuilder("<p><a href=\"/review\">← 待审核</a></p><h1>").append(escape(r.title())).append("</h1><p>")
                .append(escape(r.agency())).append(" · ").append(escape(r.regionCode())).append(" · 第").append(r.current().revision())
                .append("版第").append(r.current().validationRound()).append("轮 · <span id=\"review-state\">")
                .append(r.awaitingReview() ? "待审核 awaiting review" : r.published() ? "已公开 published" : "已批准，待公开 approved")
                .append("</span>").append(r.published() ? " · <a href=\"/reports/" + escape(r.reportId()) + "\">公开页面</a>" : "").append("</p>");
        if (r.awaitingReview()) {
            b.append("<form method=\"post\" action=\"/review/reports/").append(escape(r.reportId()))
                    .append("/approve\"><button type=\"submit\" id=\"approve\">批准公开 Approve</button></form>");
        }
        List<FindingReview.Reviewed> raised = r.findings().stream().filter(f -> f.tracked().state() != FindingLife.State.RESOLVED && !f.dismissed()).toList();
        b.append("<h2 id=\"findings\">发现的问题（").append(raised.size()).append("）</h2><ul class=\"findings\">");
        raised.forEach(f -> finding(b, r.reportId(), f));
        b.append("</ul>");
        List<FindingReview.Reviewed> dismissed = r.findings().stream().filter(FindingReview.Reviewed::dismissed).toList();
        if (!dismissed.isEmpty()) {
            b.append("<h2 id=\"dismissed\">已排除（").append(dismissed.size()).append("）</h2><ul class=\"dismissed\">");
            dismissed.forEach(f -> b.append("<li><b>").append(escape(f.tracked().finding().rule())).append("</b> ")
                    .append(escape(f.tracked().finding().message().zh())).append(" <span class=\"decision\">排除：")
                    .append(escape(f.decision().reason())).append(" — ").append(escape(f.decision().reviewer())).append("</span></li>"));
            b.append("</ul>");
        }
        List<FindingReview.Reviewed> resolved = r.findings().stream().filter(f -> f.tracked().state() == FindingLife.State.RESOLVED).toList();
        if (!resolved.isEmpty()) {
            b.append("<h2 id=\"resolved\">已改正（").append(resolved.size()).append("）</h2><ul class=\"resolved\">");
            resolved.forEach(f -> b.append("<li><b>").append(escape(f.tracked().finding().rule())).append("</b> ")
                    .append(escape(f.tracked().finding().message().zh())).append(" <span class=\"state\">自第")
                    .append(f.tracked().since().revision()).append("版起已改正</span>")
                    .append(f.confirmed() ? " <span class=\"decision\">（已确认的问题）</span>" : "").append("</li>"));
            b.append("</ul>");
        }
        b.append(Html.tables(OfficialTables.of(r.model()), ReportPage.flagged(raised.stream().map(f -> f.tracked().finding()).toList())));
        return b.toString();
    }

    private static void finding(StringBuilder b, String reportId, FindingReview.Reviewed f) {
        Finding finding = f.tracked().finding();
        String paths = String.join(",", FindingLife.Identity.of(finding).paths());
        b.append("<li class=\"").append(finding.severity().name().toLowerCase(Locale.ROOT)).append("\" data-rule=\"").append(escape(finding.rule()))
                .append("\"><b>").append(escape(finding.rule())).append("</b> ").append(escape(finding.message().zh())).append(" <span class=\"state\">")
                .append(f.tracked().state() == FindingLife.State.NEW ? "新发现" : "未改正 · 自第" + f.tracked().since().revision() + "版").append("</span>");
        if (f.confirmed()) {
            b.append(" <span class=\"decision confirmed\">已确认 — ").append(escape(f.decision().reviewer())).append("</span>");
        } else if (f.raisedAgain()) {
            b.append(" <span class=\"decision\">曾排除（数值已变）：").append(escape(f.decision().reason())).append("</span>");
        }
        String action = "/review/reports/" + escape(reportId) + "/decide";
        String hidden = "<input type=\"hidden\" name=\"rule\" value=\"" + escape(finding.rule()) + "\"><input type=\"hidden\" name=\"paths\" value=\""
                + escape(paths) + "\">";
        b.append("<form method=\"post\" action=\"").append(action).append("\" class=\"confirm\">").append(hidden)
                .append("<input type=\"hidden\" name=\"decision\" value=\"CONFIRMED\"><button type=\"submit\">确认 Confirm</button></form>")
                .append("<form method=\"post\" action=\"").append(action).append("\" class=\"dismiss\">").append(hidden)
                .append("<input type=\"hidden\" name=\"decision\" value=\"DISMISSED\"><input name=\"reason\" placeholder=\"排除理由 reason\" required>")
                .append("<button type=\"submit\">排除 Dismiss</button></form></li>");
    }

    private static String page(String title, Reviewer reviewer, String body) {
        String nav = reviewer == null ? "" : "<div class=\"muted\"><a href=\"/review\">待审核</a> · <a href=\"/review/problems\">问题清单</a> · "
                + escape(reviewer.name()) + " <form method=\"post\" action=\"/review/signout\" style=\"display:inline\"><button>退出</button></form></div>";
        return Html.page(title, nav + body);
    }

    private static Response redirect(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /** Only a path of this site's review pages is followed after sign-in (never another site). */
    private static String local(String next) {
        return next != null && next.startsWith("/review") && !next.startsWith("//") && !next.contains("\\") ? next : "/review";
    }
}
