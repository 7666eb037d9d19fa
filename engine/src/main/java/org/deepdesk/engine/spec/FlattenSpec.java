package org.deepdesk.engine.spec;

/** Flatten: turns an H x W x C image tensor into a vector of H*W*C features for Dense layers. */
@LayerType("Flatten")
public record FlattenSpec() implements LayerSpec {
}
