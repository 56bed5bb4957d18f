package org.mfgkit.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    @Test
    void refusesNamingTheLargestTermWithTheTotal() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                MemoryBudget.admit(
                                        "lq-fh",
                                        List.of(
                                                new MemoryBudget.Term("L", 5, 1e9),
                                                new MemoryBudget.Term("T", 1_000_000, 37e9)),
                                        6_000_000_000L));
        assertEquals(
                "T = 1000000 needs about 38 GB for lq-fh, more than the 6.0 GB this JVM may use"
                        + " (raise -Xmx or lower T)",
                e.getMessage());
    }

    @Test
    void admitsWhatFits() {
        assertDoesNotThrow(
                () ->
                        MemoryBudget.admit(
                                "x", List.of(new MemoryBudget.Term("n", 1, 6e9)), 6_000_000_000L));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        MemoryBudget.admit(
                                "x",
                                List.of(new MemoryBudget.Term("n", 1, Double.POSITIVE_INFINITY)),
                                6_000_000_000L));
    }

    @Test
    void formatsSizes() {
        assertEquals("512 MB", MemoryBudget.format(512e6));
        assertEquals("6.3 GB", MemoryBudget.format(6.3e9));
        assertEquals("38 GB", MemoryBudget.format(38e9));
        assertEquals("8.0e+06 GB", MemoryBudget.format(8e15));
    }

    @Test
    void arrayLengthNeverWrapsAround() {
        assertEquals(60, MemoryBudget.arrayLength("t", 3, 4, 5));
        // 100000^3 wraps around to a negative int; 2^31 overflows the int; 2^63 overflows the long
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                MemoryBudget.arrayLength(
                                        "grid transitions", 100_000, 100_000, 100_000));
        assertEquals(
                "grid transitions would need more than 2147483639 entries in one array (lower the"
                        + " sizes of the run)",
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> MemoryBudget.arrayLength("t", 1L << 32, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> MemoryBudget.arrayLength("t", -1));
    }

    @Test
    void polynomialDimensionIsComputedInLong() {
        // (D+1)(D+2)/2 for D = 100000 is 5000150001, beyond an int
        assertEquals(5_000_150_001L, FeatureMap.dimension("polynomial:100000", 3, 3));
        assertEquals(12L, FeatureMap.dimension("one-hot", 3, 4));
        assertEquals(15L, FeatureMap.dimension("radial:3:5:0.5", 3, 4));
        assertThrows(
                IllegalArgumentException.class,
                () -> FeatureMap.polynomial(new double[] {-1, 1}, new double[] {-1, 1}, 100_000));
    }
}
