package dev.holdfast.ingest;

import java.util.Map;
import java.util.UUID;

/** How long field data is kept — by the installation, and by the companies that keep it for less — for every module
 * holding data derived from it. */
public interface FieldDataRetention {

    /** The installation's retention in days ({@code HOLDFAST_FIELD_RETENTION}). */
    int installationDays();

    /** The companies keeping field data for fewer days than the installation, with their days. */
    Map<UUID, Integer> companiesKeepingLess();
}
