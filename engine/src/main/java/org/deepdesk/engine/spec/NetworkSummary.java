package org.deepdesk.engine.spec;

import java.util.List;
import java.util.Optional;
import org.deepdesk.i18n.Message;

/**
 * Shape inference over a whole stack.
 *
 * @param layers one entry per layer, in order
 * @param networkProblem a problem of the stack as a whole (empty stack, missing softmax output),
 *     or empty
 */
public record NetworkSummary(List<LayerSummary> layers, Optional<Message> networkProblem) {

    public NetworkSummary {
        layers = List.copyOf(layers);
    }

    public boolean isValid() {
        return networkProblem.isEmpty() && layers.stream().allMatch(layer -> layer.problem().isEmpty());
    }

    public long totalParameters() {
        return layers.stream().mapToLong(LayerSummary::parameters).sum();
    }

    /** Returns the first problem in stack order, or the network problem when no layer has one. */
    public Optional<Message> firstProblem() {
        return layers.stream()
                .flatMap(layer -> layer.problem().stream())
                .findFirst()
                .or(() -> networkProblem);
    }
}
