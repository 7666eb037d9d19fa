package org.deepdesk.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads IDX files of unsigned bytes, the format of the MNIST files: two zero bytes, a type byte,
 * a dimension count, one big-endian int32 size per dimension, then the data. A file that starts
 * with the gzip magic bytes is decompressed first, whatever its name.
 */
public final class IdxReader {

    private static final Logger LOG = LoggerFactory.getLogger(IdxReader.class);

    /** The IDX type code of unsigned bytes, the only type read. Signed byte, short, int, float and double are rejected. */
    static final int UNSIGNED_BYTE = 0x08;
    static final int MAX_DIMENSIONS = 4;

    /** The byte that starts an HTML or XML document, as when a browser saves a download page under the file's name. */
    private static final int MARKUP_START = '<';

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER_SIZE = 1 << 16;

    /** The largest array length that the JDK's own collections request, because some JVMs cannot allocate longer ones. */
    private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads a whole IDX file, raw or gzipped.
     *
     * @throws EngineException when the file is missing, unreadable, damaged, or its data does not
     *     match the sizes in its header
     */
    public static IdxData read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
            boolean gzip = startsWithGzipMagic(in);
            InputStream content = gzip ? new GZIPInputStream(in, BUFFER_SIZE) : in;
            // A raw file's length bounds its data, so a header that declares more is reported before any allocation.
            long rawLength = gzip ? -1 : Files.size(file);
            IdxData idx = parse(content, file, rawLength);
            LOG.debug("Read {}: {} bytes of type 0x08 as {} (gzip: {})",
                    file, idx.data().length, idx.describeDimensions(), gzip);
            return idx;
        } catch (NoSuchFileException missing) {
            throw new EngineException(Message.of("error.data.fileNotFound", file), missing);
        } catch (ZipException | EOFException damaged) {
            // Only GZIPInputStream throws these here, because readNBytes returns fewer bytes at the end of a raw file.
            throw new EngineException(Message.of("error.data.damagedGzip", file, describe(damaged)), damaged);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.data.readFailed", file, describe(failed)), failed);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2;
    }

    private static IdxData parse(InputStream in, Path file, long rawLength) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new EngineException(Message.of("error.data.headerTruncated", file));
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new EngineException(Message.of(wrongMagicKey(magic), file));
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new EngineException(Message.of("error.data.unsupportedType", file, String.format("0x%02X", type)));
        }
        int dimensionCount = magic[3] & 0xFF;
        if (dimensionCount < 1 || dimensionCount > MAX_DIMENSIONS) {
            throw new EngineException(Message.of("error.data.dimensionCount", file, dimensionCount));
        }

        int[] dimensions = readDimensions(in, file, dimensionCount);
        long headerBytes = 4L + 4L * dimensionCount;
        String shape = IdxData.describe(dimensions);
        // Four sizes near 2^31 overflow a long, so the product is exact before it is compared.
        BigInteger exactBytes = exactElementCount(dimensions);
        if (exactBytes.compareTo(BigInteger.valueOf(MAX_DATA_BYTES)) > 0) {
            throw new EngineException(Message.of("error.data.tooLarge", file, shape, exactBytes));
        }
        long dataBytes = exactBytes.longValueExact();
        if (rawLength >= 0 && headerBytes + dataBytes > rawLength) {
            throw new EngineException(Message.of("error.data.truncated", file, shape, headerBytes + dataBytes, rawLength));
        }
        if (dataBytes > availableMemory()) {
            throw new EngineException(Message.of("error.data.tooLarge", file, shape, dataBytes));
        }

        byte[] data = in.readNBytes((int) dataBytes);
        if (data.length < dataBytes) {
            throw new EngineException(Message.of("error.data.truncated",
                    file, shape, headerBytes + dataBytes, headerBytes + data.length));
        }
        long extraBytes = in.transferTo(OutputStream.nullOutputStream());
        if (extraBytes > 0) {
            throw new EngineException(Message.of("error.data.sizeMismatch",
                    file, shape, headerBytes + dataBytes, headerBytes + dataBytes + extraBytes));
        }
        return new IdxData(dimensions, data);
    }

    /**
     * Returns the message key for a file that does not start with two zero bytes, naming the two
     * mistakes that produce such files in practice: a web page saved under the IDX name, and an
     * IDX file written with little-endian ints.
     */
    private static String wrongMagicKey(byte[] magic) {
        int first = firstNonWhitespace(magic);
        if (first >= 0 && magic[first] == MARKUP_START) {
            return "error.data.htmlPage";
        }
        // The big-endian magic 00 00 08 0N, written as a little-endian int, reads 0N 08 00 00.
        boolean reversed = magic[0] >= 1 && magic[0] <= MAX_DIMENSIONS
                && magic[1] == UNSIGNED_BYTE && magic[2] == 0 && magic[3] == 0;
        return reversed ? "error.data.littleEndian" : "error.data.notIdx";
    }

    /** Returns the index of the first byte that is not ASCII whitespace or part of a UTF-8 byte order mark, or -1. */
    private static int firstNonWhitespace(byte[] bytes) {
        boolean byteOrderMark = (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        for (int i = byteOrderMark ? 3 : 0; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return i;
            }
        }
        return -1;
    }

    private static BigInteger exactElementCount(int[] dimensions) {
        BigInteger count = BigInteger.ONE;
        for (int size : dimensions) {
            count = count.multiply(BigInteger.valueOf(size));
        }
        return count;
    }

    /** Returns an estimate of the heap bytes this JVM can still allocate. */
    private static long availableMemory() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    private static int[] readDimensions(InputStream in, Path file, int dimensionCount) throws IOException {
        byte[] sizeBytes = in.readNBytes(4 * dimensionCount);
        if (sizeBytes.length < 4 * dimensionCount) {
            throw new EngineException(Message.of("error.data.headerTruncated", file));
        }

        ByteBuffer sizes = ByteBuffer.wrap(sizeBytes);
        int[] dimensions = new int[dimensionCount];
        for (int i = 0; i < dimensionCount; i++) {
            dimensions[i] = sizes.getInt();
            if (dimensions[i] < 1) {
                throw new EngineException(Message.of("error.data.invalidSize", file, i + 1, dimensions[i]));
            }
        }
        return dimensions;
    }

    private static String describe(IOException failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    }
}
