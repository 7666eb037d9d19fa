package org.deepdesk.app.inside;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.deepdesk.app.draw.DrawViewModel;
import org.deepdesk.app.draw.Prediction;
import org.deepdesk.engine.inspect.ConvFilters;
import org.deepdesk.engine.inspect.LayerOutput;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Messages;

/**
 * The Inside view: every layer's feature maps for the digit on the Draw canvas, updated while
 * the user draws, and the learned kernels of each convolution layer.
 */
public final class InsideView extends BorderPane {

    /** At most this many channels per layer, so wide layers stay quick to draw and to read. */
    static final int CHANNEL_LIMIT = 32;

    private final DrawViewModel draw;
    private final ExecutorService background;
    private final Messages messages;
    private final VBox featureMaps = new VBox(12);
    private final VBox filters = new VBox(12);
    private final ChangeListener<Prediction> predictionListener = (observable, old, prediction) -> showFeatureMaps(prediction);
    private final ChangeListener<TrainableNetwork> networkListener = (observable, old, network) -> showFilters(network);

    public InsideView(DrawViewModel draw, ExecutorService background, Messages messages) {
        this.draw = draw;
        this.background = background;
        this.messages = messages;
        getStyleClass().add("inside-view");
        setPadding(new Insets(12));

        featureMaps.setId("featureMaps");
        filters.setId("filters");
        Button refresh = new Button(messages.get("inside.refreshFilters"));
        refresh.setId("refreshFilters");
        refresh.disableProperty().bind(draw.networkProperty().isNull());
        refresh.setOnAction(event -> showFilters(draw.networkProperty().get()));
        BorderPane filtersPane = new BorderPane(scroll(filters));
        filtersPane.setTop(refresh);
        BorderPane.setMargin(refresh, new Insets(0, 0, 8, 0));

        TabPane tabs = new TabPane(
                new Tab(messages.get("inside.featureMaps"), scroll(featureMaps)),
                new Tab(messages.get("inside.filters"), filtersPane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        draw.predictionProperty().addListener(predictionListener);
        draw.networkProperty().addListener(networkListener);
        showFeatureMaps(draw.predictionProperty().get());
        showFilters(draw.networkProperty().get());
    }

    /** Detaches this view from the models, so a replaced view stops listening. */
    public void dispose() {
        draw.predictionProperty().removeListener(predictionListener);
        draw.networkProperty().removeListener(networkListener);
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setPadding(new Insets(8));
        return pane;
    }

    private void showFeatureMaps(Prediction prediction) {
        TrainableNetwork network = draw.networkProperty().get();
        if (prediction == null || network == null || prediction.layerOutputs().isEmpty()) {
            featureMaps.getChildren().setAll(new Label(messages.get(network == null ? "draw.hint.trainFirst" : "inside.drawFirst")));
            return;
        }
        featureMaps.getChildren().setAll(explanation("inside.featureMaps.explain"));
        List<LayerSpec> layers = network.spec().layers();
        for (LayerOutput output : prediction.layerOutputs()) {
            featureMaps.getChildren().add(layerRow(layers.get(output.layerIndex()), output));
        }
    }

    private VBox layerRow(LayerSpec layer, LayerOutput output) {
        Label title = new Label(messages.format("inside.layerTitle", output.layerIndex() + 1,
                messages.get("layer." + layer.typeName() + ".name"), output.shape()));
        title.getStyleClass().add("section-title");
        FlowPane images = new FlowPane(4, 4);
        Shape shape = output.shape();

        if (shape instanceof ImageShape image) {
            int channels = Math.min(CHANNEL_LIMIT, image.channels());
            double scale = Math.max(2, 56.0 / image.height());
            for (int channel = 0; channel < channels; channel++) {
                WritableImage map = ChannelImages.activation(output.values(), channel * image.height() * image.width(),
                        image.height(), image.width());
                images.getChildren().add(view(map, image.width() * scale, image.height() * scale));
            }
        } else {
            // A vector becomes one strip of cells, one per value, at most CHANNEL_LIMIT * 4 wide.
            int length = Math.min(output.values().length, CHANNEL_LIMIT * 4);
            float[] strip = Arrays.copyOf(output.values(), length);
            images.getChildren().add(view(ChannelImages.signed(strip, 1, length), Math.min(900, length * 12.0), 24));
        }
        return new VBox(4, title, images);
    }

    /** Reads the kernels in the background, since a running training step holds the weights. */
    private void showFilters(TrainableNetwork network) {
        if (network == null) {
            filters.getChildren().setAll(new Label(messages.get("draw.hint.trainFirst")));
            return;
        }
        Task<List<ConvFilters>> task = new Task<>() {
            @Override
            protected List<ConvFilters> call() {
                return network.convFilters();
            }
        };
        task.setOnSucceeded(event -> showFilters(task.getValue()));
        background.submit(task);
    }

    private void showFilters(List<ConvFilters> layers) {
        if (layers.isEmpty()) {
            filters.getChildren().setAll(new Label(messages.get("inside.noFilters")));
            return;
        }
        filters.getChildren().setAll(explanation("inside.filters.explain"));
        for (ConvFilters layer : layers) {
            Label title = new Label(messages.format("inside.filterTitle", layer.layerIndex() + 1, layer.filters(),
                    layer.kernel(), layer.inputChannels()));
            title.getStyleClass().add("section-title");
            FlowPane kernels = new FlowPane(4, 4);
            for (int filter = 0; filter < Math.min(CHANNEL_LIMIT, layer.filters()); filter++) {
                // Deeper layers read many channels; the first input channel's slice stands for the kernel.
                WritableImage kernel = ChannelImages.signed(layer.slice(filter, 0), layer.kernel(), layer.kernel());
                kernels.getChildren().add(view(kernel, 48, 48));
            }
            filters.getChildren().add(new VBox(4, title, kernels));
        }
    }

    private Label explanation(String key) {
        Label label = new Label(messages.get(key));
        label.setWrapText(true);
        return label;
    }

    /** Shows a small image at about {@code width x height}, each of its pixels as a sharp block. */
    private static ImageView view(WritableImage image, double width, double height) {
        int cellWidth = Math.max(1, (int) Math.round(width / image.getWidth()));
        int cellHeight = Math.max(1, (int) Math.round(height / image.getHeight()));
        ImageView view = new ImageView(ChannelImages.enlarged(image, cellWidth, cellHeight));
        view.setSmooth(false);
        return view;
    }
}
