package org.deepdesk.engine.project;

import java.util.List;
import java.util.Objects;
import org.deepdesk.i18n.Message;

/**
 * A project file as read, with the problems of optional parts that were left out so the rest
 * could open.
 *
 * @param project what the file holds, without the damaged optional parts
 * @param warnings one message per part left out, naming the file and the part; empty for an intact file
 */
public record LoadedProject(ProjectFile project, List<Message> warnings) {

    public LoadedProject {
        Objects.requireNonNull(project, "project");
        warnings = List.copyOf(warnings);
    }
}
