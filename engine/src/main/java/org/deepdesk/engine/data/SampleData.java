package org.deepdesk.engine.data;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the MNIST folder that ships with DeepDesk, {@code sample-data/mnist}, from the working
 * directory or the install location.
 */
public final class SampleData {

    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

    /** The system property that names the MNIST folder and overrides every other place. */
    public static final String PROPERTY = "deepdesk.data";

    /** The environment variable that names the MNIST folder when the system property is unset. */
    public static final String ENVIRONMENT_VARIABLE = "DEEPDESK_DATA";

    static final Path BUNDLED_FOLDER = Path.of("sample-data", "mnist");

    private SampleData() {
    }

    /**
     * Locates the MNIST folder. The places tried, in order: the folder named by the system
     * property {@value #PROPERTY}, the folder named by {@value #ENVIRONMENT_VARIABLE},
     * {@code sample-data/mnist} under the working directory and under its parent (the app runs
     * from {@code app/}), then under each parent folder of the jar or classes folder holding this
     * class. The first folder that contains all four MNIST files wins.
     *
     * @return the folder, or empty when none of the places holds the files
     */
    public static Optional<Path> locateMnist() {
        List<Path> candidates = candidates(
                System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE), Path.of(""), codeLocation());
        for (Path candidate : candidates) {
            if (MnistLoader.hasAllFiles(candidate)) {
                LOG.info("Using MNIST files in {}", candidate);
                return Optional.of(candidate);
            }
            LOG.debug("No MNIST files in {}", candidate);
        }
        LOG.warn("Found no MNIST folder; tried {}", candidates);
        return Optional.empty();
    }

    /**
     * Lists the folders to try, in order, as absolute normalized paths.
     *
     * @param property the value of {@value #PROPERTY}, or null
     * @param environment the value of {@value #ENVIRONMENT_VARIABLE}, or null
     * @param workingDirectory the folder relative paths start from
     * @param codeLocation the jar or classes folder holding this class, or null when unknown
     */
    static List<Path> candidates(String property, String environment, Path workingDirectory, Path codeLocation) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        List<Path> candidates = new ArrayList<>();
        if (property != null && !property.isBlank()) {
            candidates.add(base.resolve(property.strip()).normalize());
        }
        if (environment != null && !environment.isBlank()) {
            candidates.add(base.resolve(environment.strip()).normalize());
        }

        candidates.add(base.resolve(BUNDLED_FOLDER));
        if (base.getParent() != null) {
            candidates.add(base.getParent().resolve(BUNDLED_FOLDER));
        }

        if (codeLocation != null) {
            for (Path folder = codeLocation.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
                Path candidate = folder.resolve(BUNDLED_FOLDER);
                if (!candidates.contains(candidate)) {
                    candidates.add(candidate);
                }
            }
        }
        return candidates;
    }

    /** Returns the jar or classes folder holding this class, or null when it is not a local file. */
    private static Path codeLocation() {
        CodeSource source = SampleData.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException unusable) {
            LOG.debug("Cannot turn the code location {} into a path", location, unusable);
            return null;
        }
    }
}
