package org.deepdesk.engine.spec;

/** The weight-update rule used in training. */
public enum Optimizer {
    /** Adam with beta1 0.9, beta2 0.999 and epsilon 1e-8, as in Keras. */
    ADAM,
    /** Stochastic gradient descent with Nesterov momentum; a momentum of 0 gives plain SGD. */
    SGD
}
