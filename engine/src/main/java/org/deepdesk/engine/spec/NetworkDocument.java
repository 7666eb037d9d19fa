package org.deepdesk.engine.spec;

/**
 * A network together with the settings it is meant to be trained with: the content of a preset
 * or spec file, see {@link SpecJson}.
 */
public record NetworkDocument(NetworkSpec network, TrainingSettings training) {
}
