package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.deepdesk.engine.data.IdxFixtures.counting;
import static org.deepdesk.engine.data.IdxFixtures.gzip;
import static org.deepdesk.engine.data.IdxFixtures.idx;
import static org.deepdesk.engine.data.IdxFixtures.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.deepdesk.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final int[] DIMENSIONS = {2, 3, 4};

    @TempDir
    Path folder;

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

    private static EngineException readFailure(Path file) {
        return catchThrowableOfType(EngineException.class, () -> IdxReader.read(file));
    }
}
