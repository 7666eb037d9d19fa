package org.deepdesk.engine.data;

import java.util.List;

/**
 * What a load found besides the images: the items it skipped and the classes that had none.
 *
 * @param loaded number of images loaded
 * @param skipped every unreadable file or bad row, in the order met
 * @param emptyClasses names of class folders that held no usable image
 */
public record LoadReport(int loaded, List<SkippedItem> skipped, List<String> emptyClasses) {

    public LoadReport {
        skipped = List.copyOf(skipped);
        emptyClasses = List.copyOf(emptyClasses);
    }

    public static LoadReport clean(int loaded) {
        return new LoadReport(loaded, List.of(), List.of());
    }

    public int skippedCount() {
        return skipped.size();
    }
}
