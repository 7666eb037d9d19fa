package org.deepdesk.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The zip reading and writing that model files and project files share. */
public final class ZipEntries {

    private ZipEntries() {
    }

    /**
     * Thrown when a zip unpacks to more bytes than may be read into memory, as from a damaged
     * file or a zip bomb, before the heap runs out.
     */
    public static final class TooLargeException extends ZipException {

        private final long limitBytes;

        TooLargeException(long limitBytes) {
            super("the entries unpack to more than " + limitBytes + " bytes");
            this.limitBytes = limitBytes;
        }

        /** The limit that was exceeded, in bytes. */
        public long limitBytes() {
            return limitBytes;
        }
    }

    /** Writes one entry with the given content. */
    public static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads every entry of a zip stream into memory, by name, and closes the stream. The entries
     * together may unpack to half the JVM's maximum heap at most.
     *
     * @throws TooLargeException when they unpack to more
     */
    public static Map<String, byte[]> readAll(InputStream input) throws IOException {
        return readAll(input, Runtime.getRuntime().maxMemory() / 2);
    }

    /** As {@link #readAll(InputStream)}, with the limit on the unpacked size given in bytes. */
    static Map<String, byte[]> readAll(InputStream input, long maxBytes) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        long remaining = maxBytes;
        try (ZipInputStream zip = new ZipInputStream(input)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                // One byte past the limit is enough to tell that it is exceeded, without holding more.
                int allowed = (int) Math.min(Integer.MAX_VALUE - 8L, remaining + 1);
                byte[] content = zip.readNBytes(allowed);
                if (content.length > remaining) {
                    throw new TooLargeException(maxBytes);
                }
                remaining -= content.length;
                entries.put(entry.getName(), content);
            }
        }
        return entries;
    }
}
