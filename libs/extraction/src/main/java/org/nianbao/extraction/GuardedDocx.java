package org.nianbao.extraction;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a Word document within {@link DocumentLimits}: its parts may not expand beyond the limit in all, nor
 * (POI's {@link ZipSecureFile} limits) one part beyond it or below the minimum compression ratio; no XML part may
 * declare a DTD (Word never writes one; entities are never resolved); the main document part must exist.
 */
public final class GuardedDocx {
    private static final int PROLOG = 4096;

    private GuardedDocx() {
    }

    /** The open package (the caller closes it), or an UnreadableDocumentException saying why not. */
    public static OPCPackage open(byte[] docx, DocumentLimits limits) {
        checkParts(docx, limits);
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxExpandedBytes());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(docx));
        } catch (Exception e) {
            throw new UnreadableDocumentException(e.getMessage() != null && e.getMessage().contains("Zip bomb")
                    ? "A part of the Word document expands more than " + Math.round(1 / limits.minInflateRatio())
                    + " times its compressed size (a zip bomb?): it is not read."
                    : "The Word document is damaged and cannot be read (" + e.getMessage() + ").", e);
        }
        PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.isEmpty() || pkg.getPart(main.getRelationship(0)) == null) {
            pkg.revert();
            throw new UnreadableDocumentException("The Word document has no main document part (word/document.xml): "
                    + "it holds no report.");
        }
        return pkg;
    }

    /** One pass over the zip entries, keeping nothing: the expanded size in all, and no DTD in an XML part. */
    private static void checkParts(byte[] docx, DocumentLimits limits) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                int n = zip.readNBytes(buffer, 0, PROLOG);
                if (xml && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                    throw new UnreadableDocumentException("The Word document's part " + entry.getName()
                            + " declares a DTD (<!DOCTYPE>), which Word documents never do: it is not read.");
                }
                for (; n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > limits.maxExpandedBytes()) {
                        throw new UnreadableDocumentException("The Word document's content expands beyond "
                                + DocumentLimits.size(limits.maxExpandedBytes()) + " (a zip bomb?): it is not read.");
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new UnreadableDocumentException("Reading the Word document was interrupted.");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException("The Word document is not a valid zip archive (" + e.getMessage() + ").", e);
        }
    }
}
