package org.deepdesk.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
            IdxData idx = parse(content, file);
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

    private static IdxData parse(InputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new EngineException(Message.of("error.data.headerTruncated", file));
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new EngineException(Message.of("error.data.notIdx", file));
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
        long dataBytes = IdxData.elementCount(dimensions);
        String shape = IdxData.describe(dimensions);
        if (dataBytes > MAX_DATA_BYTES) {
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
