package dev.holdfast.tracking.osmand;

/** A report the OsmAnd endpoint cannot take: answered 400 with the message. */
public class OsmAndRequestException extends RuntimeException {

    public OsmAndRequestException(String message) {
        super(message);
    }
}
