package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.deepdesk.engine.data.IdxFixtures.counting;
import static org.deepdesk.engine.data.IdxFixtures.gzip;
import static org.deepdesk.engine.data.IdxFixtures.idx;
import static org.deepdesk.engine.data.IdxFixtures.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.deepdesk.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdxReaderTest {

    private static final int[] DIMENSIONS = {2, 3, 4};

    @TempDir
    Path folder;

    /** File content that {@link IdxReader#read} should reject with {@code key}, saved under {@code name}. */
    record BadFile(String label, String name, byte[] content, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<BadFile> badFiles() {
        byte[] valid = idx(DIMENSIONS, counting(24));
        String page = "<!DOCTYPE html>\n<html><head><title>MNIST</title></head><body>Not Found</body></html>\n";
        return Stream.of(
                new BadFile("little-endian header", "t10k-images-idx3-ubyte", littleEndianIdx(DIMENSIONS, counting(24)),
                        "error.data.littleEndian"),
                new BadFile("html page", "train-images-idx3-ubyte.gz", utf8(page), "error.data.htmlPage"),
                new BadFile("html page after blank line", "train-labels-idx1-ubyte", utf8("\r\n" + page),
                        "error.data.htmlPage"),
                new BadFile("html page with byte order mark", "train-labels-idx1-ubyte", utf8("\uFEFF" + page),
                        "error.data.htmlPage"),
                new BadFile("gzipped html page", "t10k-labels-idx1-ubyte.gz", gzip(utf8(page)), "error.data.htmlPage"),
                new BadFile("png image", "t10k-images-idx3-ubyte", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                        "error.data.notIdx"),
                new BadFile("zip archive", "mnist.gz", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, "error.data.notIdx"),
                new BadFile("empty file", "t10k-labels-idx1-ubyte", new byte[0], "error.data.headerTruncated"),
                new BadFile("empty gzip", "t10k-labels-idx1-ubyte.gz", gzip(new byte[0]), "error.data.headerTruncated"),
                new BadFile("truncated data", "t10k-images-idx3-ubyte", Arrays.copyOf(valid, valid.length - 1),
                        "error.data.truncated"),
                new BadFile("counts larger than file", "t10k-images-idx3-ubyte",
                        idx(new int[] {60_000, 28, 28}, counting(24)), "error.data.truncated"),
                new BadFile("counts smaller than file", "t10k-images-idx3-ubyte",
                        idx(new int[] {1, 3, 4}, counting(24)), "error.data.sizeMismatch"),
                new BadFile("sizes overflowing a long", "t10k-images-idx3-ubyte",
                        idx(new int[] {65_536, 65_536, 65_536, 65_536}, new byte[0]), "error.data.tooLarge"),
                new BadFile("negative size", "t10k-labels-idx1-ubyte", idx(new int[] {-10_000}, new byte[0]),
                        "error.data.invalidSize"),
                new BadFile("gzip cut short", "t10k-images-idx3-ubyte.gz",
                        Arrays.copyOf(gzip(valid), gzip(valid).length - 10), "error.data.damagedGzip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileIsRejected(BadFile bad) {
        Path file = write(folder, bad.name(), bad.content());

        EngineException failure = readFailure(file);

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo(bad.key());
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo(file);
        assertThat(failure.getMessage()).contains(file.toString());
        assertThat(failure.localizedMessage(Locale.SIMPLIFIED_CHINESE)).contains(file.toString());
    }

    @Test
    void overflowingSizesReportExactBytes() {
        Path file = write(folder, "huge", idx(new int[] {65_536, 65_536, 65_536, 65_536}, new byte[0]));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().arguments().get(1)).isEqualTo("65536x65536x65536x65536");
        assertThat(failure.getMessage()).contains("18,446,744,073,709,551,616 bytes");
    }

    @Test
    void readsRawFile() {
        Path file = write(folder, "images-idx3-ubyte", idx(DIMENSIONS, counting(24)));

        IdxData idx = IdxReader.read(file);

        assertThat(idx.dimensions()).containsExactly(2, 3, 4);
        assertThat(idx.data()).containsExactly(counting(24));
    }

    @Test
    void readsGzipFile() {
        Path file = write(folder, "images-idx3-ubyte.gz", gzip(idx(DIMENSIONS, counting(24))));

        IdxData idx = IdxReader.read(file);

        assertThat(idx.dimensions()).containsExactly(2, 3, 4);
        assertThat(idx.data()).containsExactly(counting(24));
    }

    @Test
    void readsGzipUnderRawName() {
        Path file = write(folder, "images-idx3-ubyte", gzip(idx(DIMENSIONS, counting(24))));

        assertThat(IdxReader.read(file).data()).containsExactly(counting(24));
    }

    @Test
    void readsRawUnderGzipName() {
        Path file = write(folder, "images-idx3-ubyte.gz", idx(DIMENSIONS, counting(24)));

        assertThat(IdxReader.read(file).data()).containsExactly(counting(24));
    }

    @Test
    void rejectsWrongMagic() {
        byte[] content = idx(DIMENSIONS, counting(24));
        content[1] = 0x03;
        Path file = write(folder, "images", content);

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.notIdx");
    }

    @Test
    void rejectsNonByteType() {
        int floatType = 0x0D;
        Path file = write(folder, "floats", idx(floatType, new int[] {6}, new byte[24]));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.unsupportedType");
        assertThat(failure.userMessage().arguments()).containsExactly(file, "0x0D");
    }

    @Test
    void rejectsFiveDimensions() {
        Path file = write(folder, "five", idx(new int[] {1, 1, 1, 1, 2}, counting(2)));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.dimensionCount");
    }

    @Test
    void rejectsZeroDimensions() {
        Path file = write(folder, "none", idx(new int[0], new byte[0]));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.dimensionCount");
    }

    @Test
    void rejectsZeroSize() {
        Path file = write(folder, "empty", idx(new int[] {3, 0}, new byte[0]));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.invalidSize");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] content = idx(DIMENSIONS, counting(24));
        Path file = write(folder, "short", Arrays.copyOf(content, 9));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.headerTruncated");
    }

    @Test
    void rejectsTruncatedData() {
        byte[] content = idx(DIMENSIONS, counting(24));
        Path file = write(folder, "cut", Arrays.copyOf(content, content.length - 5));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.truncated");
        assertThat(failure.userMessage().arguments()).containsExactly(file, "2x3x4", 40L, 35L);
    }

    @Test
    void rejectsTruncatedGzipContent() {
        byte[] content = idx(DIMENSIONS, counting(24));
        Path file = write(folder, "cut.gz", gzip(Arrays.copyOf(content, content.length - 5)));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.truncated");
    }

    @Test
    void rejectsExtraBytes() {
        byte[] content = idx(DIMENSIONS, counting(24));
        Path file = write(folder, "long", Arrays.copyOf(content, content.length + 3));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.sizeMismatch");
        assertThat(failure.userMessage().arguments()).containsExactly(file, "2x3x4", 40L, 43L);
    }

    @Test
    void rejectsDamagedGzip() {
        byte[] compressed = gzip(idx(DIMENSIONS, counting(24)));
        Path file = write(folder, "damaged.gz", Arrays.copyOf(compressed, compressed.length / 2));

        EngineException failure = readFailure(file);

        assertThat(failure.userMessage().key()).isEqualTo("error.data.damagedGzip");
    }

    @Test
    void rejectsMissingFile() {
        EngineException failure = readFailure(folder.resolve("absent-idx1-ubyte"));

        assertThat(failure.userMessage().key()).isEqualTo("error.data.fileNotFound");
    }

    @Test
    void truncatedMessageNamesFileAndSizes() {
        byte[] content = idx(new int[] {1000, 28, 28}, new byte[784_000]);
        Path file = write(folder, "train-images-idx3-ubyte", Arrays.copyOf(content, 500_016));

        EngineException failure = readFailure(file);

        assertThat(failure.getMessage()).contains(file.toString());
        assertThat(failure.getMessage()).contains("1000x28x28");
        assertThat(failure.getMessage()).contains("784,016 bytes");
        assertThat(failure.getMessage()).contains("only 500,016");
        assertThat(failure.localizedMessage(Locale.SIMPLIFIED_CHINESE)).contains("784,016 字节");
    }

    /** Returns an IDX file whose magic number and sizes were written as little-endian ints, as some C writers do. */
    private static byte[] littleEndianIdx(int[] dimensions, byte[] data) {
        ByteBuffer file = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt((IdxReader.UNSIGNED_BYTE << 8) | dimensions.length);
        for (int size : dimensions) {
            file.putInt(size);
        }
        file.put(data);
        return file.array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static EngineException readFailure(Path file) {
        return catchThrowableOfType(EngineException.class, () -> IdxReader.read(file));
    }
}
