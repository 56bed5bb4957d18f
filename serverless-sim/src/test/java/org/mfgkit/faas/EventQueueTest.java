package org.mfgkit.faas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.mfgkit.core.RandomStreams;

class EventQueueTest {
    @Test
    void equalTimesFireInSchedulingOrder() {
        EventQueue q = new EventQueue(4);
        q.schedule(3, 5.0);
        q.schedule(1, 5.0);
        q.schedule(2, 1.0);
        q.schedule(0, 5.0);
        assertEquals(2, q.poll());
        assertEquals(3, q.poll());
        assertEquals(1, q.poll());
        assertEquals(0, q.poll());
        assertEquals(-1, q.poll());
    }

    @Test
    void reschedulingMovesTheSlotAndTakesANewSequenceNumber() {
        EventQueue q = new EventQueue(3);
        q.schedule(0, 2.0);
        q.schedule(1, 2.0);
        q.schedule(0, 2.0); // same time, rescheduled later -> now after slot 1
        assertEquals(2, q.size());
        assertEquals(1, q.poll());
        assertEquals(0, q.poll());
        q.schedule(2, 7.0);
        q.schedule(2, Double.POSITIVE_INFINITY); // cancels
        assertTrue(q.isEmpty());
        assertFalse(q.isScheduled(2));
    }

    /** Against a reference priority queue of (time, seq, slot) entries with lazy deletion. */
    @Test
    void matchesAReferencePriorityQueueOnRandomOperations() {
        int slots = 37;
        EventQueue q = new EventQueue(slots);
        record Entry(double time, long seq, int slot) {}
        PriorityQueue<Entry> ref =
                new PriorityQueue<>(
                        (a, b) ->
                                a.time != b.time
                                        ? Double.compare(a.time, b.time)
                                        : Long.compare(a.seq, b.seq));
        long[] liveSeq = new long[slots];
        java.util.Arrays.fill(liveSeq, -1);
        long seq = 0;
        RandomGenerator rng = RandomStreams.create(11);
        for (int op = 0; op < 20_000; op++) {
            int kind = rng.nextInt(4);
            int slot = rng.nextInt(slots);
            if (kind <= 1) {
                double t = rng.nextInt(50); // many ties
                q.schedule(slot, t);
                liveSeq[slot] = seq;
                ref.add(new Entry(t, seq++, slot));
            } else if (kind == 2) {
                q.cancel(slot);
                liveSeq[slot] = -1;
            } else {
                while (!ref.isEmpty() && liveSeq[ref.peek().slot] != ref.peek().seq) {
                    ref.poll();
                }
                int expected = ref.isEmpty() ? -1 : ref.peek().slot;
                double expectedTime = ref.isEmpty() ? Double.POSITIVE_INFINITY : ref.peek().time;
                assertEquals(expectedTime, q.peekTime());
                int got = q.poll();
                assertEquals(expected, got);
                if (got >= 0) {
                    ref.poll();
                    liveSeq[got] = -1;
                }
            }
        }
    }
}
