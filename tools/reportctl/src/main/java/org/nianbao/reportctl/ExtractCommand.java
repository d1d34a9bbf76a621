package org.nianbao.reportctl;

import org.nianbao.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the canonical JSON (nianbao.report/v1) of a document: text, HTML, DOCX or PDF.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the report document")
    Path file;

    @Override
    public Integer call() throws Exception {
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Documents.extract(file)));
        return 0;
    }
}
