package org.deepdesk.engine.spec;

/** The weight-update rule used in training. */
public enum Optimizer {
    /** Adam with beta1 0.9, beta2 0.999 and epsilon 1e-8, as in Keras. */
    ADAM,
    /**
     * Stochastic gradient descent with momentum, classical or Nesterov; a momentum of 0 gives
     * plain SGD.
     */
    SGD,
    /** RMSProp with a decay of 0.9 and epsilon 1e-7, as in Keras. */
    RMSPROP
}
