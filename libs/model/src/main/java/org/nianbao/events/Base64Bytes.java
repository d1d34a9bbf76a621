package org.nianbao.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.util.Base64;

/**
 * Bytes in JSON as standard base64 (padded, no line breaks: what Jackson writes by default), encoded and decoded by
 * the JDK's {@link Base64}: measured about ten times faster than Jackson's own codec on a 60 KB document, which
 * made the codec a sixth of intake's CPU while it relayed documents in their events.
 */
final class Base64Bytes {
    private Base64Bytes() {
    }

    static final class Serializer extends JsonSerializer<byte[]> {
        @Override
        public void serialize(byte[] value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(Base64.getEncoder().encodeToString(value));
        }
    }

    static final class Deserializer extends JsonDeserializer<byte[]> {
        @Override
        public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return (byte[]) ctxt.handleWeirdStringValue(byte[].class, text, "not base64: %s", e.getMessage());
            }
        }
    }
}
