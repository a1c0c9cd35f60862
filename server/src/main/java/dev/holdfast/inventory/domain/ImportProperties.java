package dev.holdfast.inventory.domain;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of CSV asset imports.
 *
 * @param maxSize largest accepted file (also the multipart limit)
 * @param maxErrors how many bad rows are described in the answer (all are counted)
 * @param auditEachUpTo imports writing at most this many assets record one audit event per asset, bigger ones one
 *        summary event; every import records the summary
 * @param backgroundFrom files of at least this size imported from the page run in the background, the page showing
 *        their progress (the API always imports synchronously)
 */
@ConfigurationProperties("holdfast.inventory.import")
@Validated
public record ImportProperties(@DefaultValue("100MB") DataSize maxSize, @DefaultValue("1000") @Min(1) int maxErrors,
        @DefaultValue("1000") @Min(0) int auditEachUpTo, @DefaultValue("256KB") DataSize backgroundFrom) {
}
