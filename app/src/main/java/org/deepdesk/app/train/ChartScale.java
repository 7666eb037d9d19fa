package org.deepdesk.app.train;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.util.HashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;

/**
 * Scales the fonts and line widths of a chart, for presenter mode. The chart's own style is kept
 * in the viewer's properties on first use, so scaling twice never compounds.
 */
public final class ChartScale {

    private static final String BASE_STYLE = ChartScale.class.getName() + ".base";

    private ChartScale() {
    }

    /** Fonts and series strokes of a chart before any scaling. */
    private record BaseStyle(Font title, Font legend, Font domainLabel, Font domainTicks,
                             Font rangeLabel, Font rangeTicks, Map<Integer, Stroke> strokes) {
    }

    /** Draws the chart in {@code viewer} at {@code factor} times its own font sizes and line widths. */
    public static void apply(ChartViewer viewer, double factor) {
        JFreeChart chart = viewer.getChart();
        XYPlot plot = chart.getXYPlot();
        BaseStyle base = (BaseStyle) viewer.getProperties().computeIfAbsent(BASE_STYLE, key -> capture(chart));

        chart.getTitle().setFont(scaled(base.title(), factor));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(scaled(base.legend(), factor));
        }
        plot.getDomainAxis().setLabelFont(scaled(base.domainLabel(), factor));
        plot.getDomainAxis().setTickLabelFont(scaled(base.domainTicks(), factor));
        ValueAxis range = plot.getRangeAxis();
        range.setLabelFont(scaled(base.rangeLabel(), factor));
        range.setTickLabelFont(scaled(base.rangeTicks(), factor));

        XYItemRenderer renderer = plot.getRenderer();
        base.strokes().forEach((series, stroke) -> renderer.setSeriesStroke(series, scaled(stroke, factor)));
    }

    private static BaseStyle capture(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        Map<Integer, Stroke> strokes = new HashMap<>();
        for (int series = 0; series < TrainingCurves.LIVE_SERIES; series++) {
            Stroke stroke = plot.getRenderer().getSeriesStroke(series);
            if (stroke != null) {
                strokes.put(series, stroke);
            }
        }
        Font legend = chart.getLegend() == null ? null : chart.getLegend().getItemFont();
        return new BaseStyle(chart.getTitle().getFont(), legend,
                plot.getDomainAxis().getLabelFont(), plot.getDomainAxis().getTickLabelFont(),
                plot.getRangeAxis().getLabelFont(), plot.getRangeAxis().getTickLabelFont(), strokes);
    }

    private static Font scaled(Font font, double factor) {
        return font.deriveFont((float) (font.getSize2D() * factor));
    }

    /** Scales the width and the dash pattern of a stroke; JFreeChart draws only {@link BasicStroke}s here. */
    private static Stroke scaled(Stroke stroke, double factor) {
        if (!(stroke instanceof BasicStroke basic)) {
            return stroke;
        }
        float[] dashes = basic.getDashArray();
        if (dashes != null) {
            dashes = dashes.clone();
            for (int i = 0; i < dashes.length; i++) {
                dashes[i] *= (float) factor;
            }
        }
        return new BasicStroke(basic.getLineWidth() * (float) factor, basic.getEndCap(), basic.getLineJoin(),
                basic.getMiterLimit(), dashes, basic.getDashPhase());
    }
}
