package org.nianbao.extraction;

/** A document that cannot be read at all (empty, corrupt, binary, undecodable); the message says why. */
public class UnreadableDocumentException extends RuntimeException {
    public UnreadableDocumentException(String message) {
        super(message);
    }

    public UnreadableDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
