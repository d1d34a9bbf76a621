package org.nianbao.reportctl;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Administrators' work on intake (platforms and their credentials, replays) without curl. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage platforms and replay stored submissions through intake's admin API.",
        subcommands = {AdminCommand.Platforms.class, AdminCommand.Replay.class})
final class AdminCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    private static PrintStream out() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "platforms", mixinStandardHelpOptions = true, description = "List, create and update platforms.",
            subcommands = {ListPlatforms.class, CreatePlatform.class, UpdatePlatform.class, RotateKey.class})
    static final class Platforms implements Runnable {
        @Override
        public void run() {
            new CommandLine(this).usage(System.err);
        }
    }

    /** The settings of a platform, as options. */
    static final class PlatformSettings {
        @Option(names = "--name", description = "display name") String name;
        @Option(names = "--region-prefix", paramLabel = "DIGITS",
                description = "leading digits of the 行政区划代码 it may submit for (\"\" for every region)") String regionPrefix;
        @Option(names = "--webhook-url", description = "called when a submission is IN_REVIEW, PUBLISHED or FAILED (\"\" for none)")
        String webhookUrl;
        @Option(names = "--oidc-client-id", paramLabel = "CLIENT",
                description = "the OIDC client whose access tokens authenticate the platform (\"\" for none)") String oidcClientId;
        @Option(names = "--review", paramLabel = "POLICY", description = "when its reports reach the public: PUBLISH_AT_ONCE"
                + " (the default), REVIEW_FIRST (after a reviewer's approval) or REVIEW_WHEN_ERRORS") String review;

        Map<String, Object> body(String id) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (id != null) {
                body.put("id", id);
            }
            put(body, "name", name);
            put(body, "regionPrefix", regionPrefix);
            put(body, "webhookUrl", webhookUrl);
            put(body, "oidcClientId", oidcClientId);
            put(body, "review", review == null ? null : review.strip().toUpperCase(java.util.Locale.ROOT));
            return body;
        }

        private static void put(Map<String, Object> body, String field, String value) {
            if (value != null) {
                body.put(field, value);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every platform, one per line (tab-separated).")
    static final class ListPlatforms implements Callable<Integer> {
        @Mixin AdminApi api;

        @Override
        public Integer call() throws Exception {
            PrintStream out = out();
            out.println("ID\tNAME\tREGION\tWEBHOOK\tOIDC CLIENT\tREVIEW");
            for (JsonNode p : api.get("/platforms")) {
                String region = p.path("regionPrefix").asText("");
                out.println(String.join("\t", p.path("id").asText(), p.path("name").asText(),
                        region.isEmpty() ? "*" : region + "*", text(p, "webhookUrl"), text(p, "oidcClientId"),
                        text(p, "review")));
            }
            return 0;
        }

        private static String text(JsonNode node, String field) {
            return node.path(field).isNull() || node.path(field).isMissingNode() ? "-" : node.path(field).asText();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Register a platform (or replace its settings) and print its new API key, shown only once.")
    static final class CreatePlatform implements Callable<Integer> {
        @Mixin AdminApi api;
        @Parameters(paramLabel = "ID", description = "2–63 lower-case letters, digits and '-'") String id;
        @Mixin PlatformSettings settings;

        @Override
        public Integer call() throws Exception {
            JsonNode platform = api.send("POST", "/platforms", settings.body(id));
            printKey(platform, "registered");
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change some settings of a platform; its API key stays valid.")
    static final class UpdatePlatform implements Callable<Integer> {
        @Mixin AdminApi api;
        @Parameters(paramLabel = "ID") String id;
        @Mixin PlatformSettings settings;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> body = settings.body(null);
            if (body.isEmpty()) {
                throw new IllegalArgumentException("nothing to change: give --name, --region-prefix, --webhook-url, --oidc-client-id or --review");
            }
            JsonNode p = api.send("PATCH", "/platforms/" + encode(id), body);
            out().println("platform " + p.path("id").asText() + " updated");
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Issue a new API key for a platform and print it (shown only once); the old key stops working.")
    static final class RotateKey implements Callable<Integer> {
        @Mixin AdminApi api;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() throws Exception {
            printKey(api.send("POST", "/platforms/" + encode(id) + "/key", null), "has a new key");
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send stored submissions through the pipeline again (e.g. after an extractor upgrade).",
                    "The replay runs in intake; this follows its progress until it is done (or prints its id with --no-wait)."})
    static final class Replay implements Callable<Integer> {
        @Mixin AdminApi api;

        @ArgGroup(exclusive = false, multiplicity = "1")
        Selection selection;

        @Option(names = "--after", paramLabel = "ID", description = "go on after this submission id (where a stopped replay left off)")
        String after;

        @Option(names = "--no-wait", description = "print the replay job's id and return at once")
        boolean noWait;

        static final class Selection {
            @Option(names = "--year") Integer year;
            @Option(names = "--platform", paramLabel = "ID") String platform;
            @Option(names = "--submission", paramLabel = "ID") String submission;
            @Option(names = "--all", description = "every stored submission") boolean all;
        }

        @Override
        public Integer call() throws Exception {
            StringBuilder query = new StringBuilder();
            param(query, "year", selection.year == null ? null : selection.year.toString());
            param(query, "platform", selection.platform);
            param(query, "submission", selection.submission);
            param(query, "all", selection.all ? "true" : null);
            param(query, "after", after);
            JsonNode job = api.send("POST", "/replay" + query, null);
            String id = job.path("id").asText();
            if (noWait) {
                out().println(id);
                return 0;
            }
            int shown = -1;
            while (job.path("state").asText().equals("RUNNING")) {
                if (job.path("replayed").asInt() != shown) {
                    shown = job.path("replayed").asInt();
                    System.err.println("  " + shown + " replayed so far");
                }
                Thread.sleep(1000);
                job = api.get("/replays/" + id);
            }
            if (job.path("state").asText().equals("FAILED")) {
                System.err.println("replay " + id + " failed after " + job.path("replayed").asInt() + " submission(s): "
                        + job.path("error").asText() + (job.hasNonNull("lastSubmissionId")
                        ? "\ngo on with --after " + job.path("lastSubmissionId").asText() : ""));
                return 1;
            }
            out().println(job.path("replayed").asInt() + " submission(s) replayed (" + id + "); their new events are on their way");
            return 0;
        }

        private static void param(StringBuilder query, String name, String value) {
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(encode(value));
            }
        }
    }

    /** The key on stdout alone (for scripts), what it is on stderr. */
    private static void printKey(JsonNode platform, String what) {
        System.err.println("platform " + platform.path("id").asText() + " " + what
                + "; its API key (shown only now, store it safely):");
        out().println(platform.path("apiKey").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
