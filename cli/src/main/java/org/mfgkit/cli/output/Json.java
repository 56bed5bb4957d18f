package org.mfgkit.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The one configured Jackson {@link ObjectMapper} of mfgkit, and helpers to read and write JSON.
 *
 * <p>Conventions, shared by every command and experiment:
 *
 * <ul>
 *   <li>output is pretty-printed (objects one field per line, arrays of numbers on one line);
 *   <li>record components and bean properties are written in {@code snake_case} ({@code medianNs}
 *       becomes {@code "median_ns"}); keys of maps and {@link ObjectNode}s are written as given;
 *   <li><b>non-finite doubles ({@code NaN}, {@code ±Infinity}) are written as {@code null}</b>, the
 *       convention of JavaScript's {@code JSON.stringify}, so that every file is standard JSON that
 *       any parser reads (Python's {@code json}, pandas and numpy turn {@code null} into {@code
 *       NaN}). The CSV files keep the distinction ({@code NaN}, {@code Infinity}, {@code
 *       -Infinity});
 *   <li>reading is strict: duplicate keys, trailing content and unknown record properties are
 *       errors, and parse errors become an {@link IllegalArgumentException} naming the file, line
 *       and column.
 * </ul>
 */
public final class Json {

    private static final ObjectMapper MAPPER = build();

    private Json() {}

    /** The shared mapper; configure nothing on it (it is shared by all threads). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code value} as a tree (records, maps, arrays, and {@link JsonNode}s are all accepted). */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** {@code value} as pretty-printed JSON text, without a trailing newline. */
    public static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise "
                            + value.getClass().getName()
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Writes {@code value} to {@code file} atomically (see {@link AtomicFiles}), ending with a
     * newline.
     */
    public static Path write(Path file, Object value) throws IOException {
        return AtomicFiles.write(
                file,
                out -> {
                    MAPPER.writeValue(new NonClosingStream(out), value);
                    out.write('\n');
                });
    }

    /**
     * Reads a JSON document from {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws IllegalArgumentException when it is empty or not valid JSON (message names file,
     *     line, column)
     */
    public static JsonNode read(Path file) throws IOException {
        return parse(TextFiles.bytes(file, "a JSON file"), file.toString());
    }

    /**
     * Parses the bytes of the file named {@code where}.
     *
     * @throws IllegalArgumentException when they are not UTF-8, empty or not valid JSON (message
     *     names {@code where}, line, column)
     */
    public static JsonNode parse(byte[] bytes, String where) throws IOException {
        TextFiles.decode(bytes, where); // refuses text that is not UTF-8, naming the line
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot parse " + where + ": " + describe(e), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("cannot parse " + where + ": the file is empty");
        }
        return node;
    }

    /** Jackson's message for {@code e} on one line, with the line and column when known. */
    public static String describe(JsonProcessingException e) {
        String message =
                e.getOriginalMessage() == null
                        ? e.getClass().getSimpleName()
                        : e.getOriginalMessage();
        message = message.replaceAll("\\s*\\R\\s*", " ").strip();
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }

    private static ObjectMapper build() {
        JsonFactory factory =
                JsonFactory.builder()
                        .addDecorator((f, generator) -> new FiniteDoubles(generator))
                        .build();
        return JsonMapper.builder(factory)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Writes non-finite doubles and floats as {@code null}, including inside primitive arrays. */
    private static final class FiniteDoubles extends JsonGeneratorDelegate {
        FiniteDoubles(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                delegate.writeNumber(v);
            } else {
                delegate.writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }

    /** Lets Jackson "close" the stream without closing the atomic writer's stream underneath. */
    private static final class NonClosingStream extends FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
