package org.deepdesk.engine.data;

import org.deepdesk.i18n.Message;

/**
 * One parsed CSV row: a label and its pixels, or the reason the row is unusable.
 *
 * @param label the class index
 * @param pixels grey levels as unsigned bytes
 * @param problem why the row was rejected, or null when it is usable
 */
record CsvRow(int label, byte[] pixels, Message problem) {

    static CsvRow parse(String[] fields, int pixelCount, int maxClasses) {
        if (fields.length != pixelCount + 1) {
            return rejected(Message.of("dataset.skip.csvFieldCount", fields.length, pixelCount + 1));
        }
        int label;
        try {
            label = Integer.parseInt(fields[0].trim());
        } catch (NumberFormatException notNumber) {
            return rejected(Message.of("dataset.skip.csvLabel", fields[0].trim()));
        }
        if (label < 0 || label >= maxClasses) {
            return rejected(Message.of("dataset.skip.csvLabel", fields[0].trim()));
        }

        byte[] pixels = new byte[pixelCount];
        for (int i = 0; i < pixelCount; i++) {
            String field = fields[i + 1].trim();
            int value;
            try {
                value = Integer.parseInt(field);
            } catch (NumberFormatException notNumber) {
                value = -1;
            }
            if (value < 0 || value > 255) {
                return rejected(Message.of("dataset.skip.csvPixel", i, field));
            }
            pixels[i] = (byte) value;
        }
        return new CsvRow(label, pixels, null);
    }

    private static CsvRow rejected(Message problem) {
        return new CsvRow(-1, null, problem);
    }
}
