package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCsvTest {

    @Test
    void csvListsEpochsThenBatches() throws IOException {
        TrainingHistory history = new TrainingHistory(
                List.of(new BatchRecord(1, 2.302585, 0.125), new BatchRecord(2, 1.5, 0.5)),
                List.of(new EpochRecord(1, 1.9, 0.3125, 1.25, 0.6, 2.5)));
        StringWriter output = new StringWriter();

        HistoryCsv.write(history, output);

        assertThat(output.toString()).isEqualTo(
                "record,epoch,step,loss,accuracy,validation_loss,validation_accuracy,seconds\r\n"
                        + "epoch,1,,1.90000,0.312500,1.25000,0.600000,2.50000\r\n"
                        + "batch,,1,2.30259,0.125000,,,\r\n"
                        + "batch,,2,1.50000,0.500000,,,\r\n");
    }

    @Test
    void csvLeavesNanFieldsEmpty() throws IOException {
        TrainingHistory history = new TrainingHistory(
                List.of(new BatchRecord(1, Double.NaN, 0.0)),
                List.of(new EpochRecord(1, 0.5, 0.75, Double.NaN, Double.NaN, 1)));
        StringWriter output = new StringWriter();

        HistoryCsv.write(history, output);

        String[] lines = output.toString().split("\r\n");
        assertThat(lines[1]).isEqualTo("epoch,1,,0.500000,0.750000,,,1.00000");
        assertThat(lines[2]).isEqualTo("batch,,1,,0.00000,,,");
    }

    @Test
    void emptyHistoryWritesHeaderOnly() throws IOException {
        StringWriter output = new StringWriter();

        HistoryCsv.write(TrainingHistory.EMPTY, output);

        assertThat(output.toString()).isEqualTo(HistoryCsv.HEADER + "\r\n");
    }
}
