package io.mlgate.core.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 instant ({@code 2024-05-01T12:00:00Z}). Instants are written with
 * {@code ToStringSerializer}; the pair is annotated on the record components so any mapper
 * (including {@code ConfigLoader.jsonMapper()}, which has no java.time module) can write and
 * read registry records.
 */
final class InstantText extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantText() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getText().trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "expected an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
    }
}
