package org.nianbao.web;

import java.util.List;
import java.util.Locale;

/**
 * A door platforms never open: the paths under {@code prefix} answer only to the token configured as
 * {@code tokenProperty}, sent as {@code Authorization: Bearer <token>}; without that token configured the API
 * behind the door does not exist (404 saying how to enable it).
 * <p>
 * Every service has the {@link #ADMIN} doors. A service guards more paths by producing more doors as CDI beans:
 * <pre>{@code
 * @Produces
 * Door internal() {
 *     return new Door("/internal/", "The internal document API", "nianbao.internal-token", "service token");
 * }
 * }</pre>
 *
 * @param prefix        a path prefix ending in {@code /}, e.g. {@code /admin/}
 * @param api           what is behind the door, for the messages: "The admin API"
 * @param tokenProperty the configuration property holding the token, e.g. {@code nianbao.admin-token}
 * @param credential    what the caller must send, for the messages: "admin token"
 */
public record Door(String prefix, String api, String tokenProperty, String credential) {
    /** {@code /admin/*} and {@code /ops/*}, behind the administrator token {@code nianbao.admin-token}. */
    public static final List<Door> ADMIN = List.of(
            new Door("/admin/", "The admin API", "nianbao.admin-token", "admin token"),
            new Door("/ops/", "The operations API", "nianbao.admin-token", "admin token"));

    public Door {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a door's prefix starts and ends with '/': " + prefix);
        }
    }

    /** True when the door guards this request path (already decoded), however it is spelled. */
    public boolean guards(String path) {
        String p = normalized(path);
        return p.startsWith(prefix) || p.equals(prefix.substring(0, prefix.length() - 1));
    }

    /** The setting as an operator writes it: the property and its environment variable. */
    public String setting() {
        return tokenProperty + " (" + tokenProperty.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT) + ")";
    }

    /**
     * The path as the router matches it: repeated slashes as one, matrix parameters ({@code ;x=y}) and dot segments
     * removed, so that no spelling of a guarded path slips past its door.
     */
    static String normalized(String path) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : (path == null ? "" : path).split("/")) {
            int matrix = segment.indexOf(';');
            String s = matrix < 0 ? segment : segment.substring(0, matrix);
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(s);
            }
        }
        boolean directory = path != null && path.endsWith("/") && !segments.isEmpty();
        return "/" + String.join("/", segments) + (directory ? "/" : "");
    }
}
