package org.nianbao.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Kafka key that keeps all of one agency's reports in one partition: the agency code
 * (统一社会信用代码) when known, else a digest of the whitespace-free agency name. A submission whose agency
 * nobody named yet is keyed by itself ({@link #ofSubmission}); such a key never joins reports across years.
 */
public final class AgencyKey {
    /** The key when neither a code nor a name is known. */
    public static final String UNKNOWN = "unknown";
    private static final String SUBMISSION_PREFIX = "submission:";

    private AgencyKey() {
    }

    public static String of(String agencyCode, String agencyName) {
        if (agencyCode != null && !agencyCode.isBlank()) {
            return "code:" + agencyCode.strip().toUpperCase(Locale.ROOT);
        }
        String name = agencyName == null ? "" : agencyName.replaceAll("\\s+", "");
        if (name.isEmpty()) {
            return UNKNOWN;
        }
        return "name:" + sha256(name).substring(0, 16);
    }

    /** The key of a submission that names no agency: its own, so its events stay in order. */
    public static String ofSubmission(String submissionId) {
        return SUBMISSION_PREFIX + submissionId;
    }

    /** True when the key names a real agency, so reports with this key are one agency's over the years. */
    public static boolean isAgency(String key) {
        return key != null && !key.isBlank() && !key.equals(UNKNOWN) && !key.startsWith(SUBMISSION_PREFIX);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
