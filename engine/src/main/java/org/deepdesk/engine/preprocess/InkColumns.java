package org.deepdesk.engine.preprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the digits a drawing seems to contain side by side. The network reads one digit, so for
 * a drawing of "12" it gives a confident but meaningless prediction, and the Draw view shows a
 * notice instead.
 *
 * <p>The ink is split into connected strokes (8-connectivity). Strokes whose column ranges
 * overlap, or leave a gap narrower than {@link #MAX_GAP_SHARE} of the ink's width between them,
 * belong to one column, as the two strokes of a "4" or the bar of a "5" do. A column
 * counts as a digit when it reaches at least half the height of all the ink, so a minus sign or a
 * stray dash beside a digit does not.
 */
public final class InkColumns {

    /** A column must be at least this share of the ink's height to count as a digit. */
    static final double MIN_HEIGHT_SHARE = 0.5;

    /** Strokes closer than this share of the ink's width belong to one digit: a hand lifts the pen within a digit too. */
    static final double MAX_GAP_SHARE = 0.08;

    /** Strokes with fewer pixels than this share of all ink are specks and are ignored. */
    static final double MIN_PIXEL_SHARE = 0.01;

    private InkColumns() {
    }

    /** Returns the number of digit-sized columns of ink, 0 for a blank drawing. */
    public static int count(GrayImage drawing) {
        List<Stroke> strokes = strokes(drawing);
        long inkPixels = strokes.stream().mapToLong(Stroke::pixels).sum();
        if (inkPixels == 0) {
            return 0;
        }
        int top = strokes.stream().mapToInt(Stroke::top).min().orElseThrow();
        int bottom = strokes.stream().mapToInt(Stroke::bottom).max().orElseThrow();
        int left = strokes.stream().mapToInt(Stroke::left).min().orElseThrow();
        int right = strokes.stream().mapToInt(Stroke::right).max().orElseThrow();
        double minHeight = MIN_HEIGHT_SHARE * (bottom - top + 1);
        double maxGap = MAX_GAP_SHARE * (right - left + 1);

        List<Stroke> columns = new ArrayList<>();
        strokes.stream()
                .filter(stroke -> stroke.pixels() >= MIN_PIXEL_SHARE * inkPixels)
                .sorted(Comparator.comparingInt(Stroke::left))
                .forEach(stroke -> {
                    int last = columns.size() - 1;
                    if (last >= 0 && stroke.left() - columns.get(last).right() <= maxGap) {
                        columns.set(last, columns.get(last).joinedWith(stroke));
                    } else {
                        columns.add(stroke);
                    }
                });
        return (int) columns.stream().filter(column -> column.bottom() - column.top() + 1 >= minHeight).count();
    }

    /** Labels the connected strokes with a flood fill and returns each one's box and size. */
    private static List<Stroke> strokes(GrayImage drawing) {
        int width = drawing.width();
        int height = drawing.height();
        boolean[] seen = new boolean[width * height];
        int[] queue = new int[width * height];
        List<Stroke> strokes = new ArrayList<>();

        for (int start = 0; start < seen.length; start++) {
            if (seen[start] || drawing.ink()[start] <= DigitPreprocessor.INK_THRESHOLD) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            Stroke stroke = new Stroke(width, height, -1, -1, 0);
            while (head < tail) {
                int pixel = queue[head++];
                int x = pixel % width;
                int y = pixel / width;
                stroke = stroke.with(x, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        int next = ny * width + nx;
                        if (!seen[next] && drawing.ink()[next] > DigitPreprocessor.INK_THRESHOLD) {
                            seen[next] = true;
                            queue[tail++] = next;
                        }
                    }
                }
            }
            strokes.add(stroke);
        }
        return strokes;
    }

    /** The box and pixel count of one stroke or column; {@code right} and {@code bottom} are inclusive. */
    private record Stroke(int left, int top, int right, int bottom, long pixels) {

        Stroke with(int x, int y) {
            return new Stroke(Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y), pixels + 1);
        }

        Stroke joinedWith(Stroke other) {
            return new Stroke(Math.min(left, other.left), Math.min(top, other.top),
                    Math.max(right, other.right), Math.max(bottom, other.bottom), pixels + other.pixels);
        }
    }
}
