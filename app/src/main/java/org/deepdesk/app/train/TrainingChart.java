package org.deepdesk.app.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import javafx.application.Platform;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart line chart of one training metric: per-batch values as a thin line, per-epoch
 * training and validation values as lines with markers, earlier runs as dashed overlays and the
 * best epoch as a vertical marker.
 *
 * <p>Dragging right zooms into a box, dragging left resets the zoom, the mouse wheel zooms, and
 * dragging with Ctrl held pans.
 */
final class TrainingChart {

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color BATCH = new Color(0x99, 0x99, 0x99);
    private static final Color TRAIN = new Color(0x00, 0x72, 0xB2);
    private static final Color VALIDATION = new Color(0xD5, 0x5E, 0x00);
    private static final Color[] OVERLAYS = {
        new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00),
        new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42),
    };
    private static final Color BEST = new Color(0x00, 0x9E, 0x73);
    private static final int MAX_STYLED_OVERLAYS = 60;

    private final ChartViewer viewer;
    private boolean redrawPending;
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ValueAxis linearAxis;
    private final LogAxis logAxis;
    private final Messages messages;
    private final String fontFamily;

    TrainingChart(String titleKey, String axisKey, XYSeriesCollection data, Messages messages, String fontFamily) {
        this.messages = messages;
        this.fontFamily = fontFamily;
        chart = ChartFactory.createXYLineChart(
                messages.get(titleKey), messages.get("chart.axis.epoch"), messages.get(axisKey),
                data, PlotOrientation.VERTICAL, true, true, false);
        plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        linearAxis = plot.getRangeAxis();
        ((NumberAxis) linearAxis).setAutoRangeIncludesZero(false);
        logAxis = new LogAxis(messages.get(axisKey));
        logAxis.setSmallestValue(1e-4);
        logAxis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        plot.setRenderer(renderer());

        if (fontFamily != null) {
            // JFreeChart draws text with AWT font names; a CJK family keeps Chinese labels readable.
            chart.getTitle().setFont(new Font(fontFamily, Font.BOLD, 15));
            chart.getLegend().setItemFont(new Font(fontFamily, Font.PLAIN, 12));
            plot.getDomainAxis().setLabelFont(new Font(fontFamily, Font.PLAIN, 12));
            linearAxis.setLabelFont(new Font(fontFamily, Font.PLAIN, 12));
            logAxis.setLabelFont(new Font(fontFamily, Font.PLAIN, 12));
        }
        viewer = new ChartViewer(chart);
        panWithControlKey(viewer.getCanvas());
        coalesceRedraws(viewer.getCanvas());
    }

    /**
     * Redraws the canvas once per turn of the FX thread instead of on every change. ChartCanvas
     * draws synchronously on each change event, and the end of an epoch brings several (new
     * points, the best-epoch marker, axis ranges), each a full redraw of the chart.
     */
    private void coalesceRedraws(ChartCanvas canvas) {
        chart.removeChangeListener(canvas);
        chart.addChangeListener(event -> {
            if (!redrawPending) {
                redrawPending = true;
                Platform.runLater(() -> {
                    redrawPending = false;
                    canvas.draw();
                });
            }
        });
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, BATCH);
        renderer.setSeriesStroke(0, new BasicStroke(1f));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, TRAIN);
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        renderer.setSeriesPaint(2, VALIDATION);
        renderer.setSeriesStroke(2, dashed(2.5f));
        for (int overlay = 0; overlay < MAX_STYLED_OVERLAYS; overlay++) {
            int series = TrainingCurves.LIVE_SERIES + overlay;
            renderer.setSeriesPaint(series, OVERLAYS[overlay % OVERLAYS.length]);
            renderer.setSeriesStroke(series, dashed(1.8f));
        }
        renderer.setLegendItemLabelGenerator((dataset, series) -> legendLabel(String.valueOf(dataset.getSeriesKey(series))));
        return renderer;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    /** Labels live series by their message and overlays, keyed "run:N:metric", by run number. */
    private String legendLabel(String key) {
        if (key.startsWith("run:")) {
            return messages.format(Message.of("chart.run", Integer.parseInt(key.split(":")[1])));
        }
        return messages.get("chart." + key);
    }

    /** JFreeChart-FX pans with Alt, which many Linux desktops take for moving windows. */
    private static void panWithControlKey(ChartCanvas canvas) {
        canvas.removeMouseHandler(canvas.getMouseHandler("pan"));
        canvas.addMouseHandler(new PanHandlerFX("pan", false, true, false, false));
    }

    ChartViewer viewer() {
        return viewer;
    }

    JFreeChart chart() {
        return chart;
    }

    /** Switches the value axis between linear and logarithmic; losses are positive, so both fit. */
    void setLogScale(boolean logarithmic) {
        ValueAxis axis = logarithmic ? logAxis : linearAxis;
        if (plot.getRangeAxis() != axis) {
            plot.setRangeAxis(axis);
            axis.setAutoRange(true);
        }
    }

    /** Marks the epoch with the lowest validation loss, or removes the mark for 0. */
    void markBestEpoch(int epoch) {
        plot.clearDomainMarkers();
        if (epoch <= 0) {
            return;
        }
        ValueMarker marker = new ValueMarker(epoch, BEST, new BasicStroke(1.5f));
        marker.setLabel(messages.format(Message.of("chart.bestEpoch", epoch)));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        marker.setLabelPaint(BEST);
        if (fontFamily != null) {
            marker.setLabelFont(new Font(fontFamily, Font.PLAIN, 11));
        }
        plot.addDomainMarker(marker);
    }
}
