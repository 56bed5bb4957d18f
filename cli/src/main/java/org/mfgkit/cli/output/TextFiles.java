package org.mfgkit.cli.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reader of the text files a user gives the command line (configs, policy files, traces,
 * function profiles): strict UTF-8, so that a binary or otherwise encoded file is refused with
 * {@code FILE: line L: not UTF-8 text} instead of an I/O error about a decoder; a leading
 * byte-order mark is dropped.
 */
public final class TextFiles {
    private TextFiles() {}

    /**
     * The text of {@code file}.
     *
     * @throws IllegalArgumentException for an empty path, a directory, or bytes that are not UTF-8
     *     (naming the file and the line)
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public static String read(Path file, String what) throws IOException {
        return decode(bytes(file, what), file.toString());
    }

    /**
     * The bytes of {@code file}, checked to be UTF-8 text (for parsers that take bytes).
     *
     * @throws IllegalArgumentException as {@link #read}
     */
    public static byte[] bytes(Path file, String what) throws IOException {
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException("the path is empty: name " + what);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not " + what);
        }
        byte[] bytes = Files.readAllBytes(file);
        decode(bytes, file.toString());
        return bytes;
    }

    /**
     * {@code bytes} as UTF-8 text.
     *
     * @param where the file name, for the message
     * @throws IllegalArgumentException {@code WHERE: line L: not UTF-8 text} (L is 1-based, the
     *     line of the first byte that is not UTF-8)
     */
    public static String decode(byte[] bytes, String where) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new IllegalArgumentException(where + ": line " + line + ": not UTF-8 text");
        }
        out.flip();
        if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }
}
