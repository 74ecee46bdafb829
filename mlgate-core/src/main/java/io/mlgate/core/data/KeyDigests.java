package io.mlgate.core.data;

/**
 * The rows seen per key, by a 64-bit digest of the key: an open-addressing table of two long
 * arrays, 16 bytes per slot at a load of at most one half, so about 32 bytes per distinct key
 * (32 MB for a million rows). Memory grows with the number of rows; that is the one part of
 * validation that is not constant. Two different keys collide with probability about
 * n^2 / 2^65 (1e-6 at ten million rows), which would report a false duplicate.
 */
final class KeyDigests {
    private long[] digests = new long[1 << 10];
    private long[] rows = new long[1 << 10];
    private int size;

    /** Adds a key digest seen at a row; returns the row it was first seen at, or -1 when new. */
    long addOrGet(long digest, long row) {
        if (digest == 0) {
            digest = 1; // 0 marks a free slot
        }
        int mask = digests.length - 1;
        int i = (int) digest & mask;
        while (digests[i] != 0) {
            if (digests[i] == digest) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        digests[i] = digest;
        rows[i] = row;
        if (++size * 2 > digests.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldDigests = digests;
        long[] oldRows = rows;
        digests = new long[oldDigests.length * 2];
        rows = new long[oldRows.length * 2];
        int mask = digests.length - 1;
        for (int j = 0; j < oldDigests.length; j++) {
            long d = oldDigests[j];
            if (d != 0) {
                int i = (int) d & mask;
                while (digests[i] != 0) {
                    i = (i + 1) & mask;
                }
                digests[i] = d;
                rows[i] = oldRows[j];
            }
        }
    }

    /** FNV-1a over the chars of the key cells (separated by 0x1F), then a 64-bit finaliser. */
    static long digest(String[] fields, int[] columns) {
        long h = 0xcbf29ce484222325L;
        for (int c : columns) {
            String s = fields[c];
            for (int i = 0, n = s.length(); i < n; i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1F;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
