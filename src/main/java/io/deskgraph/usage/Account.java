package io.deskgraph.usage;

import java.time.ZoneId;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * A configured vendor account (a Huawei project in a region, or an Alibaba account over
 * its regions) and the vendor facts that hold for it.
 *
 * @param id the configured account id
 * @param vendor the vendor
 * @param region the vendor region whose endpoint is called
 * @param name a display name, if configured
 * @param regions every region the account covers, {@code region} first
 * @param dayZone the zone of the vendor's days
 * @param aggregationHour the hour of {@code dayZone} by which the previous day is
 * aggregated
 * @param enterpriseProjectId the Huawei enterprise project queries default to, if any
 * @author DeskGraph
 */
public record Account(String id, Vendor vendor, String region, @Nullable String name, List<String> regions,
		ZoneId dayZone, int aggregationHour, @Nullable String enterpriseProjectId) {

	/** The zone of vendor days when none is configured. */
	public static final ZoneId UTC = ZoneId.of("UTC");

	/** The aggregation hour both vendors are assumed to use when none is configured. */
	public static final int DEFAULT_AGGREGATION_HOUR = 2;

	/**
	 * An account of one region with UTC days aggregated at
	 * {@link #DEFAULT_AGGREGATION_HOUR}.
	 * @param id the configured account id
	 * @param vendor the vendor
	 * @param region the vendor region
	 * @param name a display name, if configured
	 */
	public Account(String id, Vendor vendor, String region, @Nullable String name) {
		this(id, vendor, region, name, List.of(region), UTC, DEFAULT_AGGREGATION_HOUR, null);
	}

}
