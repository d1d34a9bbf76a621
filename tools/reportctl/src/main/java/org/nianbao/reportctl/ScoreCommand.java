package org.nianbao.reportctl;

import org.nianbao.model.Gold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Extract every document in DIR (recursively) that has a gold reading beside it (x.gold.json for x.*,"
                + " e.g. x.chromium.pdf) and compare it cell by cell (format, year, parts 二, 三 and 四): per rendering and"
                + " overall, cells right, left unread (blank where the gold has a value) and confidently wrong (a value that"
                + " differs from the gold's, or one where the gold's cell is blank).",
                "Exit status 3 when any cell is confidently wrong, 4 when the accuracy is below --min-accuracy."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "folder of documents and their gold JSON (e.g. target/material from bin/material)")
    Path dir;

    @Option(names = {"-v", "--verbose"}, description = "list every cell that is not right")
    boolean verbose;

    @Option(names = "--min-accuracy", paramLabel = "PERCENT", description = "fail (exit 4) below this share of right cells")
    double minAccuracy;

    @Override
    public Integer call() throws Exception {
        Scoreboard board = Scoreboard.of(dir);
        System.out.print(board.report(verbose));
        if (board.count(Gold.Verdict.WRONG) > 0) {
            System.err.println("reportctl: " + board.count(Gold.Verdict.WRONG) + " cell(s) confidently wrong");
            return 3;
        }
        if (board.accuracy() < minAccuracy) {
            System.err.printf("reportctl: accuracy %.1f%% is below %.1f%%%n", board.accuracy(), minAccuracy);
            return 4;
        }
        return 0;
    }
}
