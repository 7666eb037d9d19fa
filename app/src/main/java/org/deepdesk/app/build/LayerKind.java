package org.deepdesk.app.build;

import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.Padding;

/** The layer types a user can add, each with the defaults a new layer starts from. */
public enum LayerKind {
    CONV2D("Conv2D"),
    MAX_POOL2D("MaxPool2D"),
    AVG_POOL2D("AvgPool2D"),
    DENSE("Dense"),
    DROPOUT("Dropout"),
    BATCH_NORM("BatchNorm"),
    FLATTEN("Flatten"),
    ACTIVATION("Activation");

    private final String typeName;

    LayerKind(String typeName) {
        this.typeName = typeName;
    }

    /** The type name used in JSON files and message keys, such as {@code Conv2D}. */
    public String typeName() {
        return typeName;
    }

    public LayerSpec createDefault() {
        return switch (this) {
            case CONV2D -> new Conv2DSpec(32, 3, 1, Padding.VALID, Activation.RELU);
            case MAX_POOL2D -> MaxPool2DSpec.of(2);
            case AVG_POOL2D -> AvgPool2DSpec.of(2);
            case DENSE -> new DenseSpec(64, Activation.RELU);
            case DROPOUT -> new DropoutSpec(0.25);
            case BATCH_NORM -> new BatchNormSpec();
            case FLATTEN -> new FlattenSpec();
            case ACTIVATION -> new ActivationSpec(Activation.RELU);
        };
    }
}
