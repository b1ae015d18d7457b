package nl.casustafel.platform;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a JSON string into a Java {@code String}, and nothing else. Micronaut Serde would turn {@code 123},
 * {@code true} or {@code ["x"]} into the text "123", "true" or "x", so a client that sends the wrong type
 * would have it stored as if it were meant; here it is a 400 like any other unreadable body. (Serde 2 has no
 * switch for this; its built-in types may be replaced by a bean.)
 */
@Primary
@Singleton
public class JsonStrings implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isString()) {
            throw decoder.createDeserializationException("Expected a JSON string for " + type.getName(), null);
        }
        return node.getStringValue();
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
