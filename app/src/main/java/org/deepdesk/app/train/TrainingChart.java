package org.deepdesk.app.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.deepdesk.i18n.Messages;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A JFreeChart line chart of one training metric: per-batch values as a thin line, per-epoch
 * training and validation values as lines with markers.
 */
final class TrainingChart {

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color BATCH = new Color(0x99, 0x99, 0x99);
    private static final Color TRAIN = new Color(0x00, 0x72, 0xB2);
    private static final Color VALIDATION = new Color(0xD5, 0x5E, 0x00);

    private TrainingChart() {
    }

    static ChartViewer create(String titleKey, String axisKey, XYSeriesCollection data, Messages messages, String fontFamily) {
        JFreeChart chart = ChartFactory.createXYLineChart(
                messages.get(titleKey), messages.get("chart.axis.epoch"), messages.get(axisKey),
                data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, BATCH);
        renderer.setSeriesStroke(0, new BasicStroke(1f));
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(1, TRAIN);
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        renderer.setSeriesPaint(2, VALIDATION);
        renderer.setSeriesStroke(2, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
        renderer.setLegendItemLabelGenerator((dataset, series) -> messages.get("chart." + dataset.getSeriesKey(series)));
        plot.setRenderer(renderer);

        if (fontFamily != null) {
            // JFreeChart draws text with AWT font names; a CJK family keeps Chinese labels readable.
            chart.getTitle().setFont(new Font(fontFamily, Font.BOLD, 15));
            chart.getLegend().setItemFont(new Font(fontFamily, Font.PLAIN, 12));
            plot.getDomainAxis().setLabelFont(new Font(fontFamily, Font.PLAIN, 12));
            plot.getRangeAxis().setLabelFont(new Font(fontFamily, Font.PLAIN, 12));
        }
        return new ChartViewer(chart);
    }
}
