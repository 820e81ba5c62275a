package io.deskgraph.connector.alibaba.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One row of a QueryHistoryUsageDurationRank answer: a desktop and one of its end users.
 *
 * @param endUserId the end user
 * @param desktopId the desktop id, for example {@code ecd-8cndajrdrd424sb99}
 * @param desktopName the desktop name
 * @param regionId the region of the desktop
 * @param chargeType how the desktop is billed, as the vendor spells it (see
 * {@link #charge()})
 * @param usageDuration the usage in seconds, 0 when absent
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageDurationItem(@JsonProperty("EndUserId") @Nullable String endUserId,
		@JsonProperty("DesktopId") @Nullable String desktopId,
		@JsonProperty("DesktopName") @Nullable String desktopName, @JsonProperty("RegionId") @Nullable String regionId,
		@JsonProperty("ChargeType") @Nullable String chargeType, @JsonProperty("UsageDuration") long usageDuration) {

	/**
	 * How the desktop is billed, read from the vendor's spelling.
	 * @return the charge type; {@link ChargeType#UNKNOWN} when absent or not recognized
	 */
	public ChargeType charge() {
		return ChargeType.of(this.chargeType);
	}

}
