package io.deskgraph.usage;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * What a connector is asked for desktop usage.
 *
 * @param range the days, already cut at today
 * @param granularity bucket size
 * @param desktopIds native desktop ids to restrict to (empty: all)
 * @param userName only usage by this user
 * @param withPoints whether per-bucket points are wanted; vendors that need extra calls
 * for them (Alibaba: one-day windows) skip those calls when not
 * @author DeskGraph
 */
public record UsageQuery(DateRange range, Granularity granularity, List<String> desktopIds, @Nullable String userName,
		boolean withPoints) {

}
