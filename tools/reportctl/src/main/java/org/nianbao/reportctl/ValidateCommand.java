package org.nianbao.reportctl;

import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Finding;
import org.nianbao.model.Json;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Print the findings of a report as JSON. Exit status 0 when no finding is an error, 3 otherwise.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the report document")
    Path file;

    @Option(names = "--previous", paramLabel = "FILE", description = "the same agency's report of the year before")
    Path previous;

    @Option(names = "--issuer-type", description = "department, county, prefecture or province (deadline rule A-01)")
    String issuerType;

    @Option(names = "--published-on", description = "publication date, e.g. 2025-01-20, if not printed in the document")
    LocalDate publishedOn;

    @Override
    public Integer call() throws Exception {
        Report report = Documents.extract(file);
        Report previousReport = previous == null ? null : Documents.extract(previous);
        SubmissionMetadata metadata = new SubmissionMetadata(null, null, null, org.nianbao.model.IssuerType.of(issuerType), null, publishedOn, null);
        List<Finding> findings = new ReportValidator(ValidationConfig.defaults()).validate(report, metadata, previousReport);
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("findings", findings)));
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 3 : 0;
    }
}
