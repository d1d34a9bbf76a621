package org.nianbao.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The Kafka key that keeps all of one agency's reports in one partition: the agency code
 * (统一社会信用代码) when known, else a digest of the whitespace-free agency name.
 */
public final class AgencyKey {
    private AgencyKey() {
    }

    public static String of(String agencyCode, String agencyName) {
        if (agencyCode != null && !agencyCode.isBlank()) {
            return "code:" + agencyCode.strip().toUpperCase(Locale.ROOT);
        }
        String name = agencyName == null ? "" : agencyName.replaceAll("\\s+", "");
        if (name.isEmpty()) {
            return "unknown";
        }
        return "name:" + sha256(name).substring(0, 16);
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
