package dev.holdfast.protocol;

/**
 * A batch that cannot be accepted: not JSON, not the batch schema, a value out of range, or too large.
 * {@link #field()} names the first bad field as a path into the document ({@code gps[3].lat},
 * {@code batchId}); {@code $} stands for the document as a whole. Nothing of such a batch may be stored.
 */
public final class BatchFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of problem it is; the server answers {@link #TOO_LARGE} with 413 and the others with 422. */
    public enum Kind {
        /** Not well-formed JSON, or a value of the wrong JSON type. */
        SYNTAX,
        /** Well-formed, but a value breaks a rule (out of range, missing, twice). */
        INVALID,
        /** More observations or bytes than the {@link BatchLimits} allow. */
        TOO_LARGE
    }

    private final Kind kind;
    private final String field;
    private final String reason;

    public BatchFormatException(Kind kind, String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.kind = kind;
        this.field = field;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** The path of the first bad field, e.g. {@code gps[3].lat}; {@code $} for the whole document. */
    public String field() {
        return field;
    }

    /** What is wrong with it, for a human, without the path (e.g. "must be between -90 and 90"). */
    public String reason() {
        return reason;
    }
}
