package org.deepdesk.app.build;

import org.deepdesk.i18n.Messages;

/** Formats counts, byte sizes and durations for the summary, in the user's locale. */
final class Units {

    private Units() {
    }

    /** Returns a count with digit grouping, such as 2,794,240. */
    static String count(long value, Messages messages) {
        return String.format(messages.locale(), "%,d", value);
    }

    /** Returns a byte size in B, KiB or MiB (powers of 1024). */
    static String bytes(long value, Messages messages) {
        if (value < 1024) {
            return messages.format("unit.bytes", value);
        }
        if (value < 1024 * 1024) {
            return messages.format("unit.kibibytes", value / 1024.0);
        }
        return messages.format("unit.mebibytes", value / (1024.0 * 1024.0));
    }
}
