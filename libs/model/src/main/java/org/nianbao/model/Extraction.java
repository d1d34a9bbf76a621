package org.nianbao.model;

import java.util.ArrayList;
import java.util.List;

/** How the document was read, and what could not be read with certainty. */
public class Extraction {
    /** "text" | "html" | "docx" | "pdf" */
    public String inputType;
    public List<Problem> problems = new ArrayList<>();

    public void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    /** A cell, row or part that could not be read; its values are left {@code null}. */
    public record Problem(String path, String message) {
    }
}
