package org.deepdesk.engine.data;

import org.deepdesk.i18n.Message;

/**
 * A file or row that a loader could not use and left out.
 *
 * @param location the file path, or the file path and line number of a CSV row
 * @param reason why it was left out, localizable
 */
public record SkippedItem(String location, Message reason) {
}
