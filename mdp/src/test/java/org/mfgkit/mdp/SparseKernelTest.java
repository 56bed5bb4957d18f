package org.mfgkit.mdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparseKernelTest {
    /**
     * 2 states, 2 actions: (0,0) stays, (0,1) moves w.p. 3/4, (1,a) goes to 0 w.p. 1/4 (twice 1/8).
     */
    static SparseKernel byHand() {
        return new SparseKernel.RowWriter(2, 2, 1)
                .add(0, 1.0)
                .endRow()
                .add(1, 0.75)
                .add(0, 0.25)
                .endRow()
                .add(0, 0.125)
                .add(1, 0.75)
                .add(0, 0.125)
                .endRow()
                .add(1, 1.0)
                .endRow()
                .build();
    }

    @Test
    void entriesExpectationsAndPushesWorkedByHand() {
        SparseKernel p = byHand();
        assertEquals(6, p.nnz()); // 1 + 2 + 2 + 1: row (1,0) merges its repeated next state
        assertEquals(2, p.maxRowLength());
        assertArrayEquals(new double[] {1, 0, 0.25, 0.75, 0.25, 0.75, 0, 1}, p.toDense(), 0.0);
        assertEquals(3, p.start(2)); // rows (0,0) and (0,1) hold 1 + 2 entries
        assertEquals(5, p.start(3));
        assertEquals(0, p.next(3)); // row (1,0): first next state 0, merged 1/8 + 1/8
        assertEquals(0.25, p.prob(3), 0.0);
        assertEquals(0, p.next(1)); // row (0,1) added 1 then 0: stored in increasing order
        assertEquals(1, p.next(2));
        assertEquals(0.75, p.prob(2), 0.0);
        double[] v = {4, 8};
        assertEquals(4.0, p.expect(0, v), 0.0);
        assertEquals(7.0, p.expect(1, v), 0.0);
        assertEquals(7.0, p.expect(2, v), 0.0);
        assertEquals(8.0, p.expect(3, v), 0.0);
        double[] out = new double[2];
        p.push(1, 0.5, out);
        p.push(3, 0.5, out);
        assertArrayEquals(new double[] {0.125, 0.875}, out, 0.0);
    }

    @Test
    void denseRoundTripKeepsExactlyTheNonZeros() {
        double[] dense = byHand().toDense();
        SparseKernel p = SparseKernel.fromDense(dense, 2, 2);
        assertEquals(6, p.nnz());
        assertArrayEquals(dense, p.toDense(), 0.0);
    }

    @Test
    void badKernelsAreRejectedNamingTheRow() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new SparseKernel.RowWriter(2, 1, 2).add(0, 0.5).endRow());
        assertTrue(e.getMessage().contains("(s,a) = (0,0) sums to 0.5"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new SparseKernel.RowWriter(2, 1, 2).add(2, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SparseKernel.RowWriter(2, 1, 2).add(0, -0.1));
        assertThrows(
                IllegalStateException.class,
                () -> new SparseKernel.RowWriter(2, 1, 2).add(0, 1).endRow().build());
        assertThrows(
                IllegalArgumentException.class, () -> SparseKernel.fromDense(new double[3], 1, 2));
    }
}
