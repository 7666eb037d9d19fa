package org.deepdesk.engine.train;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a training history as CSV (RFC 4180, comma separated, CRLF line ends, UTF-8 by the
 * caller's writer), one row per epoch followed by one row per batch:
 * <pre>record,epoch,step,loss,accuracy,validation_loss,validation_accuracy,seconds</pre>
 * The {@code record} column is {@code epoch} or {@code batch}; a field that does not apply, or a
 * value that is NaN, is empty. Every field is a number or a fixed word, so none needs quoting.
 */
public final class HistoryCsv {

    public static final String HEADER = "record,epoch,step,loss,accuracy,validation_loss,validation_accuracy,seconds";

    private static final String LINE_END = "\r\n";

    private HistoryCsv() {
    }

    public static void write(TrainingHistory history, Writer output) throws IOException {
        output.write(HEADER);
        output.write(LINE_END);
        for (EpochRecord epoch : history.epochs()) {
            output.write(String.join(",", "epoch", Integer.toString(epoch.epoch()), "",
                    number(epoch.trainLoss()), number(epoch.trainAccuracy()),
                    number(epoch.validationLoss()), number(epoch.validationAccuracy()), number(epoch.seconds())));
            output.write(LINE_END);
        }
        for (BatchRecord batch : history.batches()) {
            output.write(String.join(",", "batch", "", Long.toString(batch.step()),
                    number(batch.loss()), number(batch.accuracy()), "", "", ""));
            output.write(LINE_END);
        }
    }

    /** Formats with a dot as decimal separator whatever the locale; NaN and infinities become empty. */
    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
