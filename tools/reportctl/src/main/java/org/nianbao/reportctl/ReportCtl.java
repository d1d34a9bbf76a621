package org.nianbao.reportctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reportctl}: the command line for people working with Nianbao. */
@Command(name = "reportctl", mixinStandardHelpOptions = true, version = "reportctl 0.1.0",
        description = "Read, check and submit 政府信息公开工作年度报告.",
        subcommands = {ExtractCommand.class, ValidateCommand.class, SubmitCommand.class, WatchCommand.class,
                DlqCommand.class, AdminCommand.class, ScoreCommand.class})
public final class ReportCtl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with the project's error handling: a clear message on stderr, non-zero exit. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ReportCtl());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("reportctl: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
