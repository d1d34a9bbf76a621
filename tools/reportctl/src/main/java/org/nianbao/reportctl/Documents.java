package org.nianbao.reportctl;

import org.nianbao.extraction.ReportExtractor;
import org.nianbao.model.Report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading a document file into the model, with messages a person can act on. */
final class Documents {
    private static final ReportExtractor EXTRACTOR = new ReportExtractor();

    private Documents() {
    }

    static Report extract(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a document");
        }
        try {
            return EXTRACTOR.extract(Files.readAllBytes(file), file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + file);
        }
    }
}
