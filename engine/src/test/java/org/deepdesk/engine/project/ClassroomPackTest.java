package org.deepdesk.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classroom packs: project files that also carry the teacher's notes and a set of training images. */
class ClassroomPackTest {

    private static final String NOTES = "# Lesson 3\n\nTry a second dense layer – 试试看!";

    @TempDir
    Path folder;

    @Test
    void packRoundTrips() {
        ImageDataset images = images(7);
        Path file = folder.resolve("pack.deepdesk");

        ProjectStore.save(ProjectFixture.untrained().asPack(NOTES, images), file);
        ProjectFile loaded = ProjectStore.load(file);

        assertThat(loaded.notes()).contains(NOTES);
        assertThat(loaded.dataset()).isPresent();
        assertThat(loaded.dataset().get().pixels()).isEqualTo(images.pixels());
        assertThat(loaded.dataset().get().labels()).isEqualTo(images.labels());
        assertThat(loaded.dataset().get().classCount()).isEqualTo(10);
        assertThat(loaded.dataset().get().shape()).isEqualTo(ImageShape.MNIST);
        assertThat(loaded.network()).isEqualTo(ProjectFixture.UNTRAINED_NETWORK);
        assertThat(loaded.settings()).isEqualTo(ProjectFixture.UNTRAINED_SETTINGS);
    }

    @Test
    void colourImagesRoundTrip() {
        ImageShape shape = new ImageShape(4, 5, 3);
        ImageDataset colour = new ImageDataset("colour", shape, pattern(2 * 60), new int[] {0, 1}, 2);
        Path file = folder.resolve("colour.deepdesk");

        ProjectStore.save(ProjectFixture.untrained().asPack("", colour), file);
        ImageDataset loaded = ProjectStore.load(file).dataset().orElseThrow();

        assertThat(loaded.shape()).isEqualTo(shape);
        assertThat(loaded.pixels()).isEqualTo(colour.pixels());
    }

    @Test
    void plainProjectHasNoPackEntries() throws IOException {
        Path file = folder.resolve("plain.deepdesk");

        ProjectStore.save(ProjectFixture.untrained(), file);
        ProjectFile loaded = ProjectStore.load(file);

        assertThat(loaded.notes()).isEmpty();
        assertThat(loaded.isPack()).isFalse();
        assertThat(new String(entry(Files.readAllBytes(file), ProjectStore.MANIFEST))).doesNotContain("pack");
    }

    @Test
    void versionOneFixtureOpensWithoutPack() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource(ProjectFixture.UNTRAINED_V1).toURI());

        ProjectFile loaded = ProjectStore.load(fixture);

        assertThat(loaded.isPack()).isFalse();
        assertThat(loaded.notes()).isEmpty();
    }

    @Test
    void damagedImagesNameTheFileAndEntry() throws IOException {
        Path file = folder.resolve("broken.deepdesk");
        ProjectStore.save(ProjectFixture.untrained().asPack(NOTES, images(3)), file);
        Files.write(file, replaceEntry(Files.readAllBytes(file), PackDataset.IMAGES, new byte[] {1, 2, 3}));

        EngineException thrown = catchThrowableOfType(() -> ProjectStore.load(file), EngineException.class);

        assertThat(thrown.userMessage().key()).isEqualTo("error.project.invalidDataset");
        assertThat(thrown.userMessage().english()).contains("broken.deepdesk");
        assertThat(thrown.userMessage().english()).contains(PackDataset.IMAGES);
    }

    @Test
    void labelsOfAnotherCountAreRejected() throws IOException {
        Path file = folder.resolve("mixed.deepdesk");
        ProjectStore.save(ProjectFixture.untrained().asPack(NOTES, images(3)), file);
        byte[] otherLabels = PackDataset.labels(images(4));
        Files.write(file, replaceEntry(Files.readAllBytes(file), PackDataset.LABELS, otherLabels));

        EngineException thrown = catchThrowableOfType(() -> ProjectStore.load(file), EngineException.class);

        assertThat(thrown.userMessage().english()).contains(PackDataset.LABELS);
    }

    @Test
    void missingImagesAreReported() throws IOException {
        Path file = folder.resolve("partial.deepdesk");
        ProjectStore.save(ProjectFixture.untrained().asPack(NOTES, images(3)), file);
        Files.write(file, replaceEntry(Files.readAllBytes(file), PackDataset.IMAGES, null));

        EngineException thrown = catchThrowableOfType(() -> ProjectStore.load(file), EngineException.class);

        assertThat(thrown.userMessage().key()).isEqualTo("error.project.missingEntry");
    }

    private static ImageDataset images(int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return new ImageDataset("subset", ImageShape.MNIST, pattern(count * 784), labels, 10);
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return input.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " missing");
    }

    /** Returns the zip with {@code name} holding {@code content} instead, or without it when content is null. */
    private static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
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
