package org.mfgkit.faas;

/**
 * The simulator's future-event list: an indexed binary min-heap over a fixed set of event
 * <em>slots</em> (an arrival stream, a node's next service event, a node's eviction timer, ...),
 * ordered by {@code (time, sequence)}. Every (re)scheduling draws a fresh sequence number from one
 * counter, so events at equal times fire in the order they were scheduled and a run is a
 * deterministic function of its inputs. Each slot holds at most one pending event; rescheduling a
 * slot moves it (decrease/increase key) instead of leaving a stale copy behind, so the heap never
 * holds more than {@code slots} entries.
 */
public final class EventQueue {
    /** {@code heap[i]} = slot at heap position i (positions 0..size-1). */
    private final int[] heap;

    /** Keys stored by heap position (no indirection in the sift loops): time and sequence. */
    private final double[] hTime;

    private final long[] hSeq;

    /** {@code pos[slot]} = heap position of the slot, -1 when the slot is not scheduled. */
    private final int[] pos;

    private int size;
    private long nextSeq;

    /** An empty queue with slots {@code 0..slots-1}. */
    public EventQueue(int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("event queue needs at least one slot, got " + slots);
        }
        heap = new int[slots];
        hTime = new double[slots];
        hSeq = new long[slots];
        pos = new int[slots];
        clear();
    }

    /** Removes every event and restarts the sequence counter. */
    public void clear() {
        java.util.Arrays.fill(pos, -1);
        size = 0;
        nextSeq = 0;
    }

    /** Number of scheduled slots. */
    public int size() {
        return size;
    }

    /** Whether no event is pending. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether {@code slot} has a pending event. */
    public boolean isScheduled(int slot) {
        return pos[slot] >= 0;
    }

    /** Pending time of {@code slot} ({@code +inf} when not scheduled). */
    public double timeOf(int slot) {
        int p = pos[slot];
        return p >= 0 ? hTime[p] : Double.POSITIVE_INFINITY;
    }

    /**
     * Schedules (or moves) {@code slot} to fire at {@code t} with a fresh sequence number; {@code t
     * = +inf} cancels it.
     */
    public void schedule(int slot, double t) {
        if (t == Double.POSITIVE_INFINITY) {
            cancel(slot);
            return;
        }
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("event time is NaN for slot " + slot);
        }
        long q = nextSeq++;
        int p = pos[slot];
        if (p < 0) {
            siftUp(size++, slot, t, q);
        } else if (t < hTime[p] || (t == hTime[p] && q < hSeq[p])) {
            siftUp(p, slot, t, q);
        } else {
            siftDown(p, slot, t, q);
        }
    }

    /** Removes the pending event of {@code slot}, if any. */
    public void cancel(int slot) {
        int p = pos[slot];
        if (p < 0) {
            return;
        }
        pos[slot] = -1;
        int last = --size;
        if (p < last) {
            int ls = heap[last];
            double lt = hTime[last];
            long lq = hSeq[last];
            if (lt < hTime[p] || (lt == hTime[p] && lq < hSeq[p])) {
                siftUp(p, ls, lt, lq);
            } else {
                siftDown(p, ls, lt, lq);
            }
        }
    }

    /**
     * The slot of the earliest event (by time, then sequence); -1 when empty. Does not remove it.
     */
    public int peekSlot() {
        return size == 0 ? -1 : heap[0];
    }

    /** Time of the earliest event ({@code +inf} when empty). */
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : hTime[0];
    }

    /** Removes and returns the slot of the earliest event; -1 when empty. */
    public int poll() {
        if (size == 0) {
            return -1;
        }
        int top = heap[0];
        cancel(top);
        return top;
    }

    /** Places (slot, t, q) at or above position p. */
    private void siftUp(int p, int slot, double t, long q) {
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            double pt = hTime[parent];
            if (pt < t || (pt == t && hSeq[parent] < q)) {
                break;
            }
            int ps = heap[parent];
            heap[p] = ps;
            hTime[p] = pt;
            hSeq[p] = hSeq[parent];
            pos[ps] = p;
            p = parent;
        }
        heap[p] = slot;
        hTime[p] = t;
        hSeq[p] = q;
        pos[slot] = p;
    }

    /** Places (slot, t, q) at or below position p. */
    private void siftDown(int p, int slot, double t, long q) {
        int n = size;
        int half = n >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            double ct = hTime[child];
            long cq = hSeq[child];
            int right = child + 1;
            if (right < n) {
                double rt = hTime[right];
                if (rt < ct || (rt == ct && hSeq[right] < cq)) {
                    child = right;
                    ct = rt;
                    cq = hSeq[right];
                }
            }
            if (t < ct || (t == ct && q < cq)) {
                break;
            }
            int cs = heap[child];
            heap[p] = cs;
            hTime[p] = ct;
            hSeq[p] = cq;
            pos[cs] = p;
            p = child;
        }
        heap[p] = slot;
        hTime[p] = t;
        hSeq[p] = q;
        pos[slot] = p;
    }
}
