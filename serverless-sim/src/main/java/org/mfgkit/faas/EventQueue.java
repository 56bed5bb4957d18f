package org.mfgkit.faas;

import java.util.Arrays;

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
    /** {@code pos[slot]} = heap position of the slot, -1 when the slot is not scheduled. */
    private final int[] pos;
    /** {@code time[slot]} = event time (ms). */
    private final double[] time;
    /** {@code seq[slot]} = tie-breaking sequence number. */
    private final long[] seq;
    private int size;
    private long nextSeq;

    /** An empty queue with slots {@code 0..slots-1}. */
    public EventQueue(int slots) {
        if (slots <= 0) {
            throw new IllegalArgumentException("event queue needs at least one slot, got " + slots);
        }
        heap = new int[slots];
        pos = new int[slots];
        time = new double[slots];
        seq = new long[slots];
        clear();
    }

    /** Removes every event and restarts the sequence counter. */
    public void clear() {
        Arrays.fill(pos, -1);
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
        return pos[slot] >= 0 ? time[slot] : Double.POSITIVE_INFINITY;
    }

    /**
     * Schedules (or moves) {@code slot} to fire at {@code t} with a fresh sequence number;
     * {@code t = +inf} cancels it.
     */
    public void schedule(int slot, double t) {
        if (t == Double.POSITIVE_INFINITY) {
            cancel(slot);
            return;
        }
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("event time is NaN for slot " + slot);
        }
        int p = pos[slot];
        time[slot] = t;
        seq[slot] = nextSeq++;
        if (p < 0) {
            p = size++;
            heap[p] = slot;
            pos[slot] = p;
            siftUp(p);
        } else {
            // the new key (t, fresh seq) may be smaller or larger than the old one
            if (!siftUp(p)) {
                siftDown(pos[slot]);
            }
        }
    }

    /** Removes the pending event of {@code slot}, if any. */
    public void cancel(int slot) {
        int p = pos[slot];
        if (p < 0) {
            return;
        }
        int last = heap[--size];
        pos[slot] = -1;
        if (p < size) {
            heap[p] = last;
            pos[last] = p;
            if (!siftUp(p)) {
                siftDown(p);
            }
        }
    }

    /** The slot of the earliest event (by time, then sequence); -1 when empty. Does not remove it. */
    public int peekSlot() {
        return size == 0 ? -1 : heap[0];
    }

    /** Time of the earliest event ({@code +inf} when empty). */
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : time[heap[0]];
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

    private boolean less(int a, int b) {
        double ta = time[a];
        double tb = time[b];
        return ta < tb || (ta == tb && seq[a] < seq[b]);
    }

    /** Returns whether the entry moved. */
    private boolean siftUp(int p) {
        int slot = heap[p];
        int start = p;
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int ps = heap[parent];
            if (!less(slot, ps)) {
                break;
            }
            heap[p] = ps;
            pos[ps] = p;
            p = parent;
        }
        heap[p] = slot;
        pos[slot] = p;
        return p != start;
    }

    private void siftDown(int p) {
        int slot = heap[p];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int cs = heap[child];
            int right = child + 1;
            if (right < size && less(heap[right], cs)) {
                child = right;
                cs = heap[child];
            }
            if (!less(cs, slot)) {
                break;
            }
            heap[p] = cs;
            pos[cs] = p;
            p = child;
        }
        heap[p] = slot;
        pos[slot] = p;
    }
}
