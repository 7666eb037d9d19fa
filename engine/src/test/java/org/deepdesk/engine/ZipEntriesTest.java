package org.deepdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipEntriesTest {

    private static final int MEGABYTE = 1024 * 1024;

    @Test
    void entriesWithinLimitAreRead() throws IOException {
        byte[] zip = zipOf(new byte[MEGABYTE], new byte[MEGABYTE]);

        Map<String, byte[]> entries = ZipEntries.readAll(new ByteArrayInputStream(zip), 2L * MEGABYTE);

        assertThat(entries).containsOnlyKeys("a", "b");
        assertThat(entries.get("b")).hasSize(MEGABYTE);
    }

    /** Zeros compress a thousandfold, as in a zip bomb: 8 MB unpacked from a few kilobytes. */
    @Test
    void entriesOverLimitAreRejected() throws IOException {
        byte[] zip = zipOf(new byte[4 * MEGABYTE], new byte[4 * MEGABYTE]);
        assertThat(zip.length).isLessThan(64 * 1024);

        assertThatThrownBy(() -> ZipEntries.readAll(new ByteArrayInputStream(zip), 5L * MEGABYTE))
                .isInstanceOf(ZipEntries.TooLargeException.class)
                .satisfies(error -> assertThat(((ZipEntries.TooLargeException) error).limitBytes()).isEqualTo(5L * MEGABYTE));
    }

    private static byte[] zipOf(byte[] first, byte[] second) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntries.put(zip, "a", first);
            ZipEntries.put(zip, "b", second);
        }
        return bytes.toByteArray();
    }
}
