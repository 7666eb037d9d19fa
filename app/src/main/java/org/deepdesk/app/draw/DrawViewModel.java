package org.deepdesk.app.draw;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.deepdesk.engine.inspect.OcclusionSaliency;
import org.deepdesk.engine.inspect.SaliencyMap;
import org.deepdesk.engine.preprocess.DigitPreprocessor;
import org.deepdesk.engine.preprocess.GrayImage;
import org.deepdesk.engine.preprocess.InkColumns;
import org.deepdesk.engine.preprocess.PreparedDigit;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns drawings into predictions off the FX thread. Only the newest drawing matters: while one
 * is being predicted, later ones replace each other and the last is predicted next.
 */
public final class DrawViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DrawViewModel.class);

    private final ReadOnlyObjectProperty<TrainableNetwork> network;
    private final ExecutorService background;
    private final AtomicReference<Request> latest = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> hint = new ReadOnlyObjectWrapper<>();
    private boolean working;
    private long clearCount;

    /** A drawing with the network to ask, both read on the FX thread. */
    private record Request(GrayImage drawing, TrainableNetwork network, long clearCount) {
    }

    public DrawViewModel(ReadOnlyObjectProperty<TrainableNetwork> network, ExecutorService background) {
        this.network = network;
        this.background = background;
        network.addListener((observable, old, current) -> {
            prediction.set(null);
            updateHint();
        });
        updateHint();
    }

    /** Queues a drawing for prediction; call on the FX thread. */
    public void submit(GrayImage drawing) {
        latest.set(new Request(drawing, network.get(), clearCount));
        if (!working) {
            working = true;
            background.submit(this::predictLatest);
        }
    }

    /** Clears the prediction, as after the canvas is cleared. */
    public void clear() {
        clearCount++;
        latest.set(null);
        prediction.set(null);
        updateHint();
    }

    private void predictLatest() {
        Request request = latest.getAndSet(null);
        Prediction result = null;
        try {
            if (request != null && request.network() != null && takesDigits(request.network())) {
                Optional<PreparedDigit> prepared = DigitPreprocessor.prepare(request.drawing());
                if (prepared.isPresent()) {
                    float[] pixels = prepared.get().pixels();
                    float[] naive = DigitPreprocessor.naiveResize(request.drawing());
                    TrainableNetwork network = request.network();
                    SaliencyMap saliency = OcclusionSaliency.compute(network::predict, pixels,
                            DigitPreprocessor.SIZE, DigitPreprocessor.SIZE, network.classCount());
                    result = new Prediction(request.drawing(), prepared.get(),
                            network.predict(pixels), naive, network.predict(naive), saliency, network.layerOutputs(pixels),
                            InkColumns.count(request.drawing()));
                }
            }
        } catch (RuntimeException failed) {
            LOG.error("Prediction failed", failed);
        }
        Prediction finished = result;
        Platform.runLater(() -> publish(finished, request));
    }

    private void publish(Prediction result, Request request) {
        // A request made before the last Clear, or for a replaced network, is out of date.
        if (request != null && request.clearCount() == clearCount && request.network() == network.get()) {
            prediction.set(result);
            updateHint();
        }
        if (latest.get() != null) {
            background.submit(this::predictLatest);
        } else {
            working = false;
        }
    }

    private void updateHint() {
        if (network.get() == null) {
            hint.set(Message.of("draw.hint.trainFirst"));
        } else if (!takesDigits(network.get())) {
            hint.set(Message.of("draw.hint.inputNotDigit", network.get().spec().input()));
        } else if (prediction.get() == null) {
            hint.set(Message.of("draw.hint.draw"));
        } else {
            hint.set(null);
        }
    }

    /** Drawings become 28x28 grey digits, so only a network trained on such images can read them. */
    private static boolean takesDigits(TrainableNetwork candidate) {
        return candidate.spec().input().equals(ImageShape.MNIST);
    }

    /** The latest prediction, or null when the canvas is empty or no network is trained. */
    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** What the user should do next, or null when a prediction is shown. */
    public ReadOnlyObjectProperty<Message> hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainableNetwork> networkProperty() {
        return network;
    }
}
