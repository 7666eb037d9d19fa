package org.deepdesk.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepdesk.i18n.Message;

/**
 * A dataset in the four MNIST IDX files, such as MNIST itself or Fashion-MNIST, which uses the
 * same file names and layout with ten clothing classes.
 *
 * @param name shown in the UI
 * @param folder the folder holding the IDX files, raw or gzipped
 * @param classNames one localizable name per class, ten for both MNIST and Fashion-MNIST
 */
public record IdxDatasetSource(String name, Path folder, List<Message> classNames) implements DatasetSource {

    /** Where Debian's {@code dataset-fashion-mnist} package installs the Fashion-MNIST files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    public IdxDatasetSource {
        classNames = List.copyOf(classNames);
    }

    public static IdxDatasetSource mnist(Path folder) {
        List<Message> names = new ArrayList<>();
        for (int digit = 0; digit < MnistLoader.CLASS_COUNT; digit++) {
            names.add(Message.of("dataset.class.named", Integer.toString(digit)));
        }
        return new IdxDatasetSource("MNIST", folder, names);
    }

    /** Fashion-MNIST's classes in label order, named by the keys {@code dataset.fashion.class.0} to {@code .9}. */
    public static IdxDatasetSource fashionMnist(Path folder) {
        List<Message> names = new ArrayList<>();
        for (int label = 0; label < MnistLoader.CLASS_COUNT; label++) {
            names.add(Message.of("dataset.fashion.class." + label));
        }
        return new IdxDatasetSource("Fashion-MNIST", folder, names);
    }

    /** Returns Fashion-MNIST from the Debian package's folder when all four files are there. */
    public static Optional<IdxDatasetSource> installedFashionMnist() {
        return Files.isDirectory(DEBIAN_FASHION_MNIST) && MnistLoader.hasAllFiles(DEBIAN_FASHION_MNIST)
                ? Optional.of(fashionMnist(DEBIAN_FASHION_MNIST))
                : Optional.empty();
    }

    @Override
    public LoadedDataset load(LoadMonitor monitor) {
        monitor.checkCancelled();
        monitor.progress(0, 2);
        ImageDataset training = rename(MnistLoader.load(folder, MnistSplit.TRAIN), name + " training");
        monitor.checkCancelled();
        monitor.progress(1, 2);
        ImageDataset test = rename(MnistLoader.load(folder, MnistSplit.TEST), name + " test");
        monitor.progress(2, 2);
        return new LoadedDataset(name, training, test, classNames, LoadReport.clean(training.size() + test.size()));
    }

    private static ImageDataset rename(ImageDataset dataset, String newName) {
        return new ImageDataset(newName, dataset.shape(), dataset.pixels(), dataset.labels(), dataset.classCount());
    }
}
