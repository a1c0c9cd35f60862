package dev.holdfast.notifications;
/**
 * One condition that is true now. `key` identifies the condition within the company and kind: the same key on the next
 * evaluation means the same (still open) alert, so it is not raised again; a key that is no longer reported is cleared;
 * if it comes back later it is raised again. Include the date that makes it a new condition, e.g.
 * "asset:<id>:<expiresOn>", "license:<id>:capacity", "license:<id>:over", "license:<id>:expires:<date>",
 * "contract:<id>:renewal:<date>", "contract:<id>:notice:<date>", "vendor:<id>:audit:<dueDate>".
 * `link` is an app-relative page path such as "/assets/<id>" or "/licenses/<id>".
 */
public record AlertCondition(AlertKind kind, String key, String title, String message, String link) {}
