package org.deepdesk.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.i18n.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The user's handwriting stored in project files: round trip, older files, and damaged entries. */
class ProjectHandwritingTest {

    private static final int PIXELS = 28 * 28;
    private static final int DIGIT_COUNT = 13;

    private static ProjectFile trainedProject;

    @TempDir
    Path folder;

    /** A way to damage the handwriting of a saved project, and the reason its warning should give. */
    record DamagedEntry(String label, String entry, UnaryOperator<byte[]> damage, String reasonKey) {

        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    static void train() {
        trainedProject = ProjectFixture.trained(ProjectFixture.images(ProjectFixture.MNIST_FOLDER));
    }

    @Test
    void digitsRoundTripWithSamePixelsAndLabels() {
        PersonalDigits digits = digits(DIGIT_COUNT);
        Path file = folder.resolve("mine.deepdesk");

        ProjectStore.save(trainedProject.withHandwriting(digits), file);
        LoadedProject loaded = ProjectStore.open(file);

        PersonalDigits read = loaded.project().handwriting();
        assertThat(loaded.warnings()).isEmpty();
        assertThat(read.size()).isEqualTo(DIGIT_COUNT);
        assertThat(read.asDataset().pixels()).isEqualTo(digits.asDataset().pixels());
        assertThat(read.asDataset().labels()).isEqualTo(digits.asDataset().labels());
        assertThat(read).isEqualTo(digits);
        assertThat(loaded.project().trained()).isPresent();
        assertThat(loaded.project().network()).isEqualTo(trainedProject.network());
    }

    @Test
    void entriesAreMnistLayoutIdxPair() throws IOException {
        Path file = folder.resolve("mine.deepdesk");
        ProjectStore.save(ProjectFixture.untrained().withHandwriting(digits(3)), file);

        byte[] images = ZipFixture.entry(Files.readAllBytes(file), HandwritingEntries.IMAGES);
        GzipIdx.Content content = GzipIdx.read(images);

        assertThat(content.dimensions()).containsExactly(3, 28, 28);
        assertThat(content.data()).hasSize(3 * PIXELS);
    }

    @Test
    void noDigitsWriteNoEntries() throws IOException {
        Path file = folder.resolve("plain.deepdesk");

        ProjectStore.save(ProjectFixture.untrained(), file);

        assertThat(ZipFixture.names(Files.readAllBytes(file)))
                .doesNotContain(HandwritingEntries.IMAGES, HandwritingEntries.LABELS);
        assertThat(ProjectStore.open(file).project().handwriting().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {ProjectFixture.UNTRAINED_V1, ProjectFixture.TRAINED_V1})
    void versionOneFixtureWithoutEntriesLoads(String resource) throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource(resource).toURI());

        LoadedProject loaded = ProjectStore.open(fixture);

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.project().handwriting().isEmpty()).isTrue();
    }

    @Test
    void packCarriesNoHandwriting() {
        ImageDataset images = digits(4).asDataset();

        ProjectFile pack = ProjectFixture.untrained().withHandwriting(digits(2)).asPack("Week 1", images);

        assertThat(pack.handwriting().isEmpty()).isTrue();
    }

    static Stream<DamagedEntry> damagedEntries() {
        return Stream.of(
                new DamagedEntry("images with wrong magic", HandwritingEntries.IMAGES,
                        images -> gzip("<html>not a digit</html>".getBytes(StandardCharsets.UTF_8)),
                        "error.project.handwriting.notIdx"),
                new DamagedEntry("labels with wrong magic", HandwritingEntries.LABELS,
                        labels -> gzip(new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 5}),
                        "error.project.handwriting.notIdx"),
                new DamagedEntry("images not gzip", HandwritingEntries.IMAGES,
                        images -> new byte[] {1, 2, 3}, "error.project.handwriting.damagedGzip"),
                new DamagedEntry("images cut short", HandwritingEntries.IMAGES,
                        images -> Arrays.copyOf(images, images.length / 2), "error.project.handwriting.damagedGzip"),
                new DamagedEntry("images not 28x28", HandwritingEntries.IMAGES,
                        images -> idx(new int[] {DIGIT_COUNT, 14, 14}, new byte[DIGIT_COUNT * 196]),
                        "error.project.handwriting.notDigits"),
                new DamagedEntry("fewer labels than images", HandwritingEntries.LABELS,
                        labels -> labelBytes(digits(DIGIT_COUNT - 1)), "error.project.handwriting.countMismatch"),
                new DamagedEntry("more labels than images", HandwritingEntries.LABELS,
                        labels -> labelBytes(digits(DIGIT_COUNT + 4)), "error.project.handwriting.countMismatch"),
                new DamagedEntry("label outside 0 to 9", HandwritingEntries.LABELS,
                        labels -> idx(new int[] {DIGIT_COUNT}, labelsWith(DIGIT_COUNT, 12)),
                        "error.project.handwriting.labelOutOfRange"),
                new DamagedEntry("labels missing", HandwritingEntries.LABELS, labels -> null,
                        "error.project.handwriting.missing"),
                new DamagedEntry("images missing", HandwritingEntries.IMAGES, images -> null,
                        "error.project.handwriting.missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedEntries")
    void damagedEntryOpensRestWithWarning(DamagedEntry damaged) throws IOException {
        Path file = folder.resolve("homework.deepdesk");
        ProjectStore.save(trainedProject.withHandwriting(digits(DIGIT_COUNT)), file);
        byte[] saved = Files.readAllBytes(file);
        byte[] original = ZipFixture.entry(saved, damaged.entry());
        byte[] content = ZipFixture.replaceEntry(saved, damaged.entry(), damaged.damage().apply(original));
        Files.write(file, content);

        LoadedProject loaded = ProjectStore.open(file);

        assertThat(loaded.project().handwriting().isEmpty()).isTrue();
        assertThat(loaded.project().network()).isEqualTo(trainedProject.network());
        assertThat(loaded.project().settings()).isEqualTo(trainedProject.settings());
        assertThat(loaded.project().trained()).isPresent();
        assertThat(loaded.warnings()).hasSize(1);
        Message warning = loaded.warnings().get(0);
        assertThat(warning.key()).isEqualTo("error.project.invalidHandwriting");
        assertThat(warning.arguments().get(0)).isEqualTo("homework.deepdesk");
        assertThat(warning.arguments().get(1)).isEqualTo(damaged.entry());
        assertThat(((Message) warning.arguments().get(2)).key()).isEqualTo(damaged.reasonKey());
        assertThat(warning.english()).contains("homework.deepdesk", damaged.entry()).doesNotContain("[error.");
        assertThat(warning.format(Locale.SIMPLIFIED_CHINESE)).contains("homework.deepdesk").doesNotContain("[error.");
        // Opening reads only: the damaged file stays as it was.
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        // The plain load drops the damaged part in the same way.
        assertThat(ProjectStore.load(file).handwriting().isEmpty()).isTrue();
    }

    /** Returns {@code count} digits whose pixels and labels differ from digit to digit. */
    static PersonalDigits digits(int count) {
        PersonalDigits digits = PersonalDigits.empty();
        for (int i = 0; i < count; i++) {
            float[] pixels = new float[PIXELS];
            for (int p = 0; p < PIXELS; p++) {
                pixels[p] = ((p * 7 + i * 31) % 256) / 255f;
            }
            digits = digits.withDigit(pixels, (i * 3) % 10);
        }
        return digits;
    }

    private static byte[] labelsWith(int count, int badLabel) {
        byte[] labels = new byte[count];
        labels[count / 2] = (byte) badLabel;
        return labels;
    }

    private static byte[] labelBytes(PersonalDigits digits) {
        try {
            return HandwritingEntries.labels(digits);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static byte[] idx(int[] dimensions, byte[] data) {
        try {
            return GzipIdx.write(dimensions, data);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return bytes.toByteArray();
    }

    /** Reads and rewrites the entries of a project file's bytes. */
    private static final class ZipFixture {

        static byte[] entry(byte[] zip, String name) throws IOException {
            try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                    if (entry.getName().equals(name)) {
                        return input.readAllBytes();
                    }
                }
            }
            throw new AssertionError(name + " missing");
        }

        static List<String> names(byte[] zip) throws IOException {
            List<String> names = new ArrayList<>();
            try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                    names.add(entry.getName());
                }
            }
            return names;
        }

        /** Returns the zip with {@code name} holding {@code content} instead, or without it when content is null. */
        static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(zip));
                 ZipOutputStream output = new ZipOutputStream(bytes)) {
                for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                    byte[] value = entry.getName().equals(name) ? content : input.readAllBytes();
                    if (value != null) {
                        output.putNextEntry(new ZipEntry(entry.getName()));
                        output.write(value);
                        output.closeEntry();
                    }
                }
            }
            return bytes.toByteArray();
        }
    }
}
