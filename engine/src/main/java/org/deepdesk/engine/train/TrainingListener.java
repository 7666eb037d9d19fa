package org.deepdesk.engine.train;

/** Receives training events on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    TrainingListener NONE = event -> { };

    void onEvent(TrainingEvent event);
}
