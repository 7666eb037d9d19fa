package org.deepdesk.engine.spec;

/** The shape of one sample's tensor as it flows between layers; the batch dimension is left out. */
public sealed interface Shape permits ImageShape, VectorShape {

    /** Returns the number of values in one sample. */
    long size();
}
