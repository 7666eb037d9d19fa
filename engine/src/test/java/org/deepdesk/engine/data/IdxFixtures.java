package org.deepdesk.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files in memory for tests. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    /** Returns an IDX file of unsigned bytes with the given sizes and data. */
    static byte[] idx(int[] dimensions, byte[] data) {
        return idx(IdxReader.UNSIGNED_BYTE, dimensions, data);
    }

    /** Returns an IDX file with any type code, including ones the reader rejects. */
    static byte[] idx(int type, int[] dimensions, byte[] data) {
        ByteBuffer file = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        file.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
        for (int size : dimensions) {
            file.putInt(size);
        }
        file.put(data);
        return file.array();
    }

    /** Returns bytes 0, 1, 2, ... of the given length, wrapping after 255. */
    static byte[] counting(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(content);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return compressed.toByteArray();
    }

    static Path write(Path folder, String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
