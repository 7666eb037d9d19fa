package org.deepdesk.engine.train.nativeops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One native custom op with fixed input and output arrays, built once and run many times, so a
 * training step neither re-resolves the op nor rebuilds its context nor lets ND4J allocate.
 */
final class NativeCall implements AutoCloseable {

    private final DynamicCustomOp op;
    private final OpContext context;

    NativeCall(String name, INDArray[] inputs, INDArray[] outputs, long[] integerArgs, double... floatArgs) {
        this(name, true, inputs, outputs, integerArgs, floatArgs);
    }

    /**
     * @param helpers whether libnd4j may hand the op to a platform helper (oneDNN); when false it
     *     runs libnd4j's own kernel
     */
    NativeCall(String name, boolean helpers, INDArray[] inputs, INDArray[] outputs, long[] integerArgs, double... floatArgs) {
        this.op = DynamicCustomOp.builder(name).build();
        this.context = Nd4j.getExecutioner().buildContext();
        context.allowHelpers(helpers);
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        if (integerArgs.length > 0) {
            context.setIArguments(integerArgs);
        }
        if (floatArgs.length > 0) {
            context.setTArguments(floatArgs);
        }
    }

    void run() {
        Nd4j.getExecutioner().exec(op, context);
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception ignored) {
            // Closing only frees the native context; nothing can be done about a failure here.
        }
    }
}
