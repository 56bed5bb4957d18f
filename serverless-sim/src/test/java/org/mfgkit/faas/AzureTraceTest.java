package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureTraceTest {
    private static final String HEADER3 = "HashOwner,HashApp,HashFunction,Trigger,1,2,3\n";

    private static AzureTrace parse(String text) throws IOException {
        return AzureTrace.parse(new StringReader(text), "t.csv");
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
    }

    @Test
    void parsesTheSchema() throws IOException {
        AzureTrace t = parse(HEADER3 + "o1,a1,f1,http,0,5,2\r\no1,a2,f2,timer,1,0,1\n\n");
        assertEquals(3, t.minutes());
        assertEquals(2, t.rows().size());
        assertEquals("timer", t.rows().get(1).trigger());
        assertArrayEquals(new int[] {0, 5, 2}, t.rows().get(0).counts());
        assertEquals(7, t.rows().get(0).total(0, 3));
    }

    @Test
    void malformedInputNamesFileLineAndColumn() {
        assertEquals(
                "t.csv: line 3, column 6 (minute 2): expected a non-negative integer invocation count, got 'x'",
                error(HEADER3 + "o,a,f,http,1,2,3\no,a,f,http,1,x,3\n"));
        assertEquals(
                "t.csv: line 2, column 7 (minute 3): expected a non-negative integer invocation count, got '-4'",
                error(HEADER3 + "o,a,f,http,1,2,-4\n"));
        assertTrue(
                error(HEADER3 + "o,a,f,http,1,2\n")
                        .startsWith("t.csv: line 2, column 7: expected 7 fields"));
        assertTrue(
                error(HEADER3 + "o,a,f,http,1,2,3,4\n")
                        .startsWith("t.csv: line 2, column 8: expected 7 fields"));
        assertEquals(
                "t.csv: line 2, column 3 (HashFunction): empty value",
                error(HEADER3 + "o,a,,http,1,2,3\n"));
        assertEquals(
                "t.csv: line 1, column 2: expected header 'HashApp', got 'App'",
                error("HashOwner,App,HashFunction,Trigger,1\n"));
        assertEquals(
                "t.csv: line 1, column 6: expected minute header '2', got '3'",
                error("HashOwner,HashApp,HashFunction,Trigger,1,3\n"));
        assertTrue(error("").startsWith("t.csv: line 1: empty file"));
        assertEquals("t.csv: no function rows after the header", error(HEADER3));
    }

    @Test
    void writeThenParseIsIdentity() throws IOException {
        AzureTrace t =
                AzureTraceGenerator.generate(
                        AzureTraceGenerator.Params.defaults().withRows(5).withMinutes(90), 4);
        StringWriter w = new StringWriter();
        t.write(w);
        AzureTrace back = parse(w.toString());
        assertEquals(t.rows().size(), back.rows().size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(t.rows().get(i).counts(), back.rows().get(i).counts());
            assertEquals(t.rows().get(i).hashFunction(), back.rows().get(i).hashFunction());
        }
    }

    /**
     * The shipped trace is what the documented command produces: {@code ./mfgkit faas trace --seed
     * 2019 --out serverless-sim/src/main/resources/org/mfgkit/faas/azure-2019-synthetic.csv} (=
     * {@code AzureTraceGenerator.generate(Params.defaults(), 2019)}), byte for byte.
     */
    @Test
    void shippedTraceIsRegeneratedByTheDocumentedCommand() throws IOException {
        StringWriter w = new StringWriter();
        AzureTraceGenerator.generate(AzureTraceGenerator.Params.defaults(), 2019).write(w);
        String shipped;
        try (InputStream in = AzureTrace.class.getResourceAsStream("azure-2019-synthetic.csv")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(shipped, w.toString());
        AzureTrace t = AzureTrace.resource("azure-2019-synthetic.csv");
        assertEquals(1440, t.minutes());
        assertEquals(24, t.rows().size());
    }

    @Test
    void readsFilesAndNamesThemInErrors(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, HEADER3 + "o,a,f,http,1,2,3.5\n");
        String msg =
                assertThrows(IllegalArgumentException.class, () -> AzureTrace.read(f)).getMessage();
        assertEquals(
                f
                        + ": line 2, column 7 (minute 3): expected a non-negative integer invocation count, got '3.5'",
                msg);
    }
}
