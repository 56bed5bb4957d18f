package org.mfgkit.cli.output;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0) for arrays of {@code float64} in C order: what {@code
 * numpy.load(FILE)} reads. mfgkit writes results too large for inline JSON (a million-state policy)
 * this way, streamed block by block, so a file is never held in memory as text. The header is the
 * magic {@code \x93NUMPY}, version {@code 1 0}, a little-endian {@code uint16} header length and
 * the dict {@code {'descr': '<f8', 'fortran_order': False, 'shape': (...), }} padded with spaces to
 * a multiple of 64 bytes (ending in a newline), byte for byte as {@code numpy.save} writes it; then
 * the little-endian doubles.
 *
 * <pre>{@code
 * Npy.write(dir.resolve("mean_field.npy"), new int[] {steps, nS}, t -> mu[t], steps);
 * double[][] back = Npy.read(dir.resolve("mean_field.npy"), new int[] {steps, nS});
 * }</pre>
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Bytes written per chunk of doubles. */
    private static final int CHUNK = 1 << 16;

    private static final Pattern HEADER =
            Pattern.compile(
                    "\\{\\s*'descr'\\s*:\\s*'([^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(True|False)"
                            + "\\s*,\\s*'shape'\\s*:\\s*\\(([0-9,\\s]*)\\)\\s*,?\\s*\\}\\s*");

    private Npy() {}

    /**
     * Writes a {@code float64} array of {@code shape} atomically (see {@link AtomicFiles}); its
     * values come in {@code blocks} consecutive pieces in C order, {@code block.apply(i)} giving
     * piece {@code i} (not modified), so only one piece at a time need exist.
     *
     * @throws IllegalArgumentException when the pieces do not add up to the shape
     */
    public static Path write(Path file, int[] shape, IntFunction<double[]> block, int blocks)
            throws IOException {
        long size = size(shape);
        return AtomicFiles.write(
                file,
                out -> {
                    out.write(header(shape));
                    ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
                    long written = 0;
                    for (int i = 0; i < blocks; i++) {
                        double[] values = block.apply(i);
                        written += values.length;
                        if (written > size) {
                            break;
                        }
                        for (double v : values) {
                            if (!buf.hasRemaining()) {
                                flush(buf, out);
                            }
                            buf.putDouble(v);
                        }
                    }
                    if (written != size) {
                        throw new IllegalArgumentException(
                                "npy "
                                        + file.getFileName()
                                        + ": the values do not fill shape "
                                        + Arrays.toString(shape));
                    }
                    flush(buf, out);
                });
    }

    /**
     * Reads a {@code float64} C-order array that must have {@code shape}, split along its first
     * axis: {@code shape[0]} arrays of the product of the other extents.
     *
     * @throws IllegalArgumentException naming the file when it is not such an array
     */
    public static double[][] read(Path file, int[] shape) throws IOException {
        long size = size(shape);
        if (shape.length == 0) {
            throw new IllegalArgumentException("npy: a shape needs at least one axis");
        }
        int rows = shape[0];
        int rowLength = rows == 0 ? 0 : (int) (size / rows);
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, CHUNK))) {
            int[] found = readHeader(in, file);
            if (!Arrays.equals(found, shape)) {
                throw new IllegalArgumentException(
                        "npy file "
                                + file
                                + " has shape "
                                + Arrays.toString(found)
                                + ", expected "
                                + Arrays.toString(shape));
            }
            double[][] out = new double[rows][rowLength];
            byte[] bytes = new byte[CHUNK];
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : out) {
                int i = 0;
                while (i < row.length) {
                    int n = Math.min(row.length - i, CHUNK / Double.BYTES);
                    in.readFully(bytes, 0, n * Double.BYTES);
                    buf.clear();
                    for (int k = 0; k < n; k++) {
                        row[i++] = buf.getDouble();
                    }
                }
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException(
                        "npy file " + file + " has more data than its shape says");
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("npy file " + file + " does not exist", e);
        } catch (EOFException e) {
            throw new IllegalArgumentException(
                    "npy file " + file + " ends before its " + size + " values", e);
        }
    }

    /**
     * The header bytes for {@code shape}, as {@code numpy.save} writes them (numpy's {@code
     * format._write_array_header}): magic, version 1.0, little-endian length, the dict, 21 minus
     * the digits of the first extent spaces of room to grow, padding so that the data starts at a
     * multiple of 64 bytes, a newline.
     */
    static byte[] header(int[] shape) {
        StringBuilder tuple = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            tuple.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        tuple.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }";
        if (shape.length > 0) {
            dict += " ".repeat(Math.max(0, 21 - Integer.toString(shape[0]).length()));
        }
        int hlen = dict.length() + 1;
        int pad = 64 - (MAGIC.length + 2 + 2 + hlen) % 64;
        byte[] text = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b =
                ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    private static int[] readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = new byte[MAGIC.length + 2];
        in.readFully(magic);
        if (!Arrays.equals(Arrays.copyOf(magic, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("npy file " + file + " is not a .npy file");
        }
        int length;
        if (magic[MAGIC.length] == 1) {
            length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (magic[MAGIC.length] == 2 || magic[MAGIC.length] == 3) {
            length = Integer.reverseBytes(in.readInt());
        } else {
            throw new IllegalArgumentException(
                    "npy file " + file + " has unknown format version " + magic[MAGIC.length]);
        }
        if (length < 0 || length > 1 << 20) {
            throw new IllegalArgumentException("npy file " + file + " has a corrupt header");
        }
        byte[] text = new byte[length];
        in.readFully(text);
        Matcher m = HEADER.matcher(new String(text, StandardCharsets.ISO_8859_1));
        if (!m.matches()) {
            throw new IllegalArgumentException("npy file " + file + " has an unreadable header");
        }
        if (!m.group(1).equals("<f8") || !m.group(2).equals("False")) {
            throw new IllegalArgumentException(
                    "npy file "
                            + file
                            + " must hold little-endian float64 in C order ('<f8', fortran_order"
                            + " False), got '"
                            + m.group(1)
                            + "', fortran_order "
                            + m.group(2));
        }
        String[] parts = m.group(3).split(",");
        return Arrays.stream(parts)
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .mapToInt(
                        p -> {
                            try {
                                return Integer.parseInt(p);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException(
                                        "npy file " + file + " has a dimension too large: " + p);
                            }
                        })
                .toArray();
    }

    private static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(
                        "npy: negative extent in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    private static void flush(ByteBuffer buf, OutputStream out) throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }
}
