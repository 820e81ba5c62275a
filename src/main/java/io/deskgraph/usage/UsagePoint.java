package io.deskgraph.usage;

import java.time.LocalDate;

import org.springframework.lang.Nullable;

/**
 * Usage in one day or hour bucket.
 *
 * @param date the UTC day
 * @param hour the UTC hour for HOUR granularity, or {@code null} for DAY
 * @param duration the usage in the bucket
 * @author DeskGraph
 */
public record UsagePoint(LocalDate date, @Nullable Integer hour, UsageDuration duration) {

}
