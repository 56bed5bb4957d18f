package org.mfgkit.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.MemoryBudget;

/** Games too large for the heap are refused by the library, before any table is built. */
class GameAdmissionTest {
    @Test
    void longHorizonIsRefusedNamingT() {
        // lq-fh: 11 states x 5 actions; (T+1) (16 * 605 + 64 * 55) bytes = 1000001 * 13200 = 13.2
        // GB
        assumeTrue(MemoryBudget.limit() < 13.2e9);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Games.create("lq-fh", Map.of("T", "1000000")));
        assertEquals(
                "T = 1000000 needs about 13 GB for lq-fh, "
                        + MemoryBudget.moreThanLimit()
                        + " (raise -Xmx or lower T)",
                e.getMessage());
    }

    @Test
    void largeStateSpaceIsRefusedNamingTheSizeParameters() {
        // lq, L = 10000: 20001 states x 7 actions; 16 nS nA nS + 64 nS nA + 16 nS^2 bytes = 51 GB
        // (nS nA nS = 2.8e9 would wrap around as an int)
        assumeTrue(MemoryBudget.limit() < 51e9);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Games.create("lq", Map.of("L", "10000")));
        assertEquals(
                "L, M = 10000, 3: 20001 states x 7 actions needs about 51 GB for lq, "
                        + MemoryBudget.moreThanLimit()
                        + " (raise -Xmx or lower L, M)",
                e.getMessage());
    }

    @Test
    void shortHorizonOfASmallGameIsAdmitted() {
        // sis-fh: 2 x 2; 1000001 * (16 * 8 + 64 * 4) bytes = 384 MB
        assumeTrue(MemoryBudget.limit() > 0.5e9);
        assertEquals(2, Games.create("sis-fh", Map.of("T", "1000000")).nS());
    }

    @Test
    void aMillionStateCrowdIsAdmittedOnItsSparseKernel() {
        // crowd-motion 1000 x 1000, T = 10: one kernel of at most 5 next states per pair (12 * 25e6
        // + 4 * 5e6 bytes) and four 5e6-entry tables per step (11 * 32 * 5e6): 2.08 GB, where
        // eleven dense kernels would be 880 TB
        assumeTrue(MemoryBudget.limit() > 2.1e9);
        GameModel g =
                Games.create(
                        "crowd-motion", Map.of("torus_l", "1000", "torus_w", "1000", "T", "10"));
        assertEquals(1_000_000, g.nS());
    }

    @Test
    void aSparseGameTooLargeForTheHeapIsStillRefused() {
        // crowd-motion 20000 x 20000, T = 10: 4e8 states x 5 actions; 12 * 1e10 + 4 * 2e9 + 11 * 32
        // * 2e9 bytes = 832 GB
        assumeTrue(MemoryBudget.limit() < 832e9);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Games.create(
                                        "crowd-motion",
                                        Map.of("torus_l", "20000", "torus_w", "20000", "T", "10")));
        assertTrue(
                e.getMessage().contains("400000000 states x 5 actions needs about 832 GB"),
                e.getMessage());
    }
}
