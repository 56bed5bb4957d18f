package org.mfgkit.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir Path dir;

    /**
     * {@code np.save(f, np.arange(6, dtype='<f8').reshape(2, 3) / 7)} with numpy 2.4.6: the whole
     * file, byte for byte.
     */
    private static final String NUMPY_2X3 =
            "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f726465"
                    + "72273a2046616c73652c20277368617065273a2028322c2033292c207d2020202020202020202020"
                    + "20202020202020202020202020202020202020202020202020202020202020202020202020202020"
                    + "202020202020200a0000000000000000922449922449c23f922449922449d23fdbb66ddbb66ddb3f"
                    + "922449922449e23fb76ddbb66ddbe63f";

    /** {@code np.save(f, np.array([0.1, -2.5, 1e300, 5e-324]))} with numpy 2.4.6. */
    private static final String NUMPY_4 =
            "934e554d5059010076007b276465736372273a20273c6638272c2027666f727472616e5f6f726465"
                    + "72273a2046616c73652c20277368617065273a2028342c292c207d20202020202020202020202020"
                    + "20202020202020202020202020202020202020202020202020202020202020202020202020202020"
                    + "202020202020200a9a9999999999b93f00000000000004c09c7500883ce4377e0100000000000000";

    @Test
    void writesWhatNumpySaveWrites() throws IOException {
        double[][] rows = {{0, 1 / 7.0, 2 / 7.0}, {3 / 7.0, 4 / 7.0, 5 / 7.0}};
        Path f = Npy.write(dir.resolve("a.npy"), new int[] {2, 3}, i -> rows[i], 2);
        assertEquals(NUMPY_2X3, HexFormat.of().formatHex(Files.readAllBytes(f)));
        double[] v = {0.1, -2.5, 1e300, 5e-324};
        Path g = Npy.write(dir.resolve("b.npy"), new int[] {4}, i -> v, 1);
        assertEquals(NUMPY_4, HexFormat.of().formatHex(Files.readAllBytes(g)));
    }

    @Test
    void readsNumpyFilesAndRoundTripsBitForBit() throws IOException {
        Path f = dir.resolve("ref.npy");
        Files.write(f, HexFormat.of().parseHex(NUMPY_2X3));
        double[][] back = Npy.read(f, new int[] {2, 3});
        assertArrayEquals(new double[] {0, 1 / 7.0, 2 / 7.0}, back[0], 0);
        assertArrayEquals(new double[] {3 / 7.0, 4 / 7.0, 5 / 7.0}, back[1], 0);

        // more values than one 64 KiB chunk, split over blocks of another length than the rows
        double[] all = new double[3 * 10_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.sin(i) * Math.pow(10, i % 600 - 300);
        }
        Path big = dir.resolve("big.npy");
        Npy.write(
                big,
                new int[] {3, 10_000},
                i -> java.util.Arrays.copyOfRange(all, i * 7_500, (i + 1) * 7_500),
                4);
        double[][] rows = Npy.read(big, new int[] {3, 10_000});
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 10_000; c++) {
                assertEquals(
                        Double.doubleToRawLongBits(all[r * 10_000 + c]),
                        Double.doubleToRawLongBits(rows[r][c]));
            }
        }
    }

    @Test
    void badFilesAndShapesAreNamed() throws IOException {
        Path f = dir.resolve("ref.npy");
        Files.write(f, HexFormat.of().parseHex(NUMPY_2X3));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Npy.read(f, new int[] {3, 2}));
        assertTrue(e.getMessage().contains("has shape [2, 3], expected [3, 2]"), e.getMessage());

        byte[] bytes = HexFormat.of().parseHex(NUMPY_2X3);
        Path cut = dir.resolve("cut.npy");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 8));
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(cut, new int[] {2, 3}));
        assertTrue(e.getMessage().contains("ends before its 6 values"), e.getMessage());

        Path text = dir.resolve("text.npy");
        Files.writeString(text, "{\"not\": \"npy\"}");
        e = assertThrows(IllegalArgumentException.class, () -> Npy.read(text, new int[] {2, 3}));
        assertTrue(e.getMessage().endsWith("is not a .npy file"), e.getMessage());

        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Npy.write(
                                        dir.resolve("short.npy"),
                                        new int[] {2, 3},
                                        i -> new double[2],
                                        2));
        assertTrue(e.getMessage().contains("do not fill shape [2, 3]"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("short.npy")));
    }
}
