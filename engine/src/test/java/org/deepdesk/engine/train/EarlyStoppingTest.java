package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarlyStoppingTest {

    @ParameterizedTest(name = "patience {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | 1.0 1.1 1.2 1.3 | -1",
        "1 | 1.0 0.9 0.95 | 3",
        "2 | 1.0 0.9 0.95 0.8 0.85 0.9 | 6",
        "2 | 1.0 0.9 0.9 0.9 | 4",
        "2 | 1.0 NaN NaN NaN | -1",
        "3 | 1.0 0.9 0.8 0.7 | -1",
    })
    void stopsAtEpoch(int patience, String losses, int expectedStopEpoch) {
        EarlyStopping earlyStopping = new EarlyStopping(patience);
        List<Integer> stops = new ArrayList<>();

        String[] values = losses.split(" ");
        for (int epoch = 1; epoch <= values.length; epoch++) {
            if (earlyStopping.shouldStop(Double.parseDouble(values[epoch - 1]))) {
                stops.add(epoch);
            }
        }

        int firstStop = stops.isEmpty() ? -1 : stops.get(0);
        assertThat(firstStop).isEqualTo(expectedStopEpoch);
    }
}
