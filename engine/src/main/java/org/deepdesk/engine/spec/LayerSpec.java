package org.deepdesk.engine.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a network, as the user configures it. Specs are plain values: shape checks live
 * in {@link ShapeInference} and the mapping to ND4J in the training package.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Conv2DSpec.class, name = "Conv2D"),
    @JsonSubTypes.Type(value = MaxPool2DSpec.class, name = "MaxPool2D"),
    @JsonSubTypes.Type(value = AvgPool2DSpec.class, name = "AvgPool2D"),
    @JsonSubTypes.Type(value = DenseSpec.class, name = "Dense"),
    @JsonSubTypes.Type(value = DropoutSpec.class, name = "Dropout"),
    @JsonSubTypes.Type(value = BatchNormSpec.class, name = "BatchNorm"),
    @JsonSubTypes.Type(value = FlattenSpec.class, name = "Flatten"),
    @JsonSubTypes.Type(value = ActivationSpec.class, name = "Activation")
})
public sealed interface LayerSpec
        permits Conv2DSpec, MaxPool2DSpec, AvgPool2DSpec, DenseSpec, DropoutSpec, BatchNormSpec, FlattenSpec,
                ActivationSpec {

    /** Returns the layer type's name as used in JSON files and message keys, such as {@code Conv2D}. */
    default String typeName() {
        return getClass().getAnnotation(LayerType.class).value();
    }
}
