package org.deepdesk.app.classroom;

import java.util.Optional;

/**
 * One step of a guided lesson.
 *
 * @param key bundle key prefix of the step's title ({@code key.title}) and text ({@code key.text})
 * @param tabId id of the tab the step shows
 * @param targetId id of the control the step points at, without '#'
 * @param action what "Do it for me" does, empty for steps that only explain
 */
public record LessonStep(String key, String tabId, String targetId, Optional<Runnable> action) {
}
