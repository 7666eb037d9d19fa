package org.deepdesk.engine.project;

import java.util.Objects;
import java.util.Optional;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainableNetwork;

/**
 * What a project file holds: the stack as the user is designing it, the training settings of the
 * form, and the trained network with its weights and curves once there is one.
 *
 * <p>The trained network keeps its own stack and the settings of its last run, which may differ
 * from {@code network} and {@code settings} when the user edited them after training.
 *
 * @param network the layer stack of the Build view; it may be one that cannot work yet
 * @param settings the training settings of the Train view
 * @param trained the trained network, or empty before the first run
 * @param notes the teacher's notes of a classroom pack, as Markdown
 * @param dataset the training images a classroom pack carries
 * @param handwriting the digits the user drew and labelled in the Draw view. It is empty when the
 *     file carries none, as in every file saved before projects stored handwriting.
 */
public record ProjectFile(NetworkSpec network, TrainingSettings settings, Optional<TrainableNetwork> trained,
                          Optional<String> notes, Optional<ImageDataset> dataset, PersonalDigits handwriting) {

    public ProjectFile {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(trained, "trained");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(handwriting, "handwriting");
    }

    /** Creates a plain project, without notes, images or handwriting. */
    public ProjectFile(NetworkSpec network, TrainingSettings settings, Optional<TrainableNetwork> trained) {
        this(network, settings, trained, Optional.empty(), Optional.empty(), PersonalDigits.empty());
    }

    /**
     * Returns this project as a classroom pack carrying {@code notes} and {@code dataset}. A pack
     * carries no handwriting, because the teacher's digits would replace each student's own.
     */
    public ProjectFile asPack(String notes, ImageDataset dataset) {
        return new ProjectFile(network, settings, trained, Optional.of(notes), Optional.of(dataset), PersonalDigits.empty());
    }

    /** Returns this project carrying {@code digits} as its handwriting. */
    public ProjectFile withHandwriting(PersonalDigits digits) {
        return new ProjectFile(network, settings, trained, notes, dataset, digits);
    }

    /** Whether this project is a classroom pack: one that carries its own training images. */
    public boolean isPack() {
        return dataset.isPresent();
    }

    /** Returns a project without a trained network. */
    public static ProjectFile untrained(NetworkSpec network, TrainingSettings settings) {
        return new ProjectFile(network, settings, Optional.empty());
    }

    /** Returns a project with a trained network, or without one when {@code trained} is null. */
    public static ProjectFile of(NetworkSpec network, TrainingSettings settings, TrainableNetwork trained) {
        return new ProjectFile(network, settings, Optional.ofNullable(trained));
    }
}
