package org.deepdesk.engine.project;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Converts arrays of unsigned bytes to and from gzipped IDX content, the layout of the MNIST
 * files, for the zip entries of a project that hold images and labels.
 */
final class GzipIdx {

    private static final int UNSIGNED_BYTE = 0x08;

    private GzipIdx() {
    }

    /**
     * The content of an IDX entry; {@code data} is what follows the header, not yet checked
     * against the product of {@code dimensions}.
     */
    record Content(int[] dimensions, byte[] data) {
    }

    /** Raised for content that inflates but lacks the IDX magic or declares a size below 1. */
    static final class MalformedException extends IOException {
        MalformedException() {
            super("not an IDX array of unsigned bytes");
        }
    }

    static byte[] write(int[] dimensions, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeShort(0);
            out.writeByte(UNSIGNED_BYTE);
            out.writeByte(dimensions.length);
            for (int size : dimensions) {
                out.writeInt(size);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /**
     * Inflates and parses an entry.
     *
     * @throws MalformedException when the header is not that of an IDX array of unsigned bytes
     * @throws IOException when the gzip stream is damaged or cut short
     */
    static Content read(byte[] content) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
            if (in.readUnsignedShort() != 0 || in.readUnsignedByte() != UNSIGNED_BYTE) {
                throw new MalformedException();
            }
            int[] dimensions = new int[in.readUnsignedByte()];
            for (int i = 0; i < dimensions.length; i++) {
                dimensions[i] = in.readInt();
                if (dimensions[i] <= 0) {
                    throw new MalformedException();
                }
            }
            // The entry is in memory already, so its data cannot be larger than the entry inflated.
            return new Content(dimensions, in.readAllBytes());
        }
    }

    static long product(int[] dimensions) {
        long product = 1;
        for (int size : dimensions) {
            product *= size;
        }
        return product;
    }
}
