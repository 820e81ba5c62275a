package io.deskgraph.connector.alibaba.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One desktop of a DescribeDesktops answer, with the fields DeskGraph reads.
 *
 * @param desktopId the desktop id
 * @param desktopName the desktop name
 * @param desktopStatus the run state, for example {@code Running} or {@code Stopped}
 * @param connectionStatus {@code Connected}, {@code Disconnected} or {@code Unknown}
 * @param chargeType how the desktop is billed, as the vendor spells it (see
 * {@link #charge()})
 * @param endUserIds the end users the desktop is assigned to
 * @param officeSiteId the office site (network) of the desktop
 * @param creationTime when the desktop was created, for example {@code 2026-08-06T08:28Z}
 * @param expiredTime when a subscription desktop expires
 * @param regionId the region of the desktop
 * @param desktopType the desktop type it was bought as, for example
 * {@code eds.enterprise_office.4c8g}
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopItem(@JsonProperty("DesktopId") String desktopId,
		@JsonProperty("DesktopName") @Nullable String desktopName,
		@JsonProperty("DesktopStatus") @Nullable String desktopStatus,
		@JsonProperty("ConnectionStatus") @Nullable String connectionStatus,
		@JsonProperty("ChargeType") @Nullable String chargeType,
		@JsonProperty("EndUserIds") @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> endUserIds,
		@JsonProperty("OfficeSiteId") @Nullable String officeSiteId,
		@JsonProperty("CreationTime") @Nullable String creationTime,
		@JsonProperty("ExpiredTime") @Nullable String expiredTime, @JsonProperty("RegionId") @Nullable String regionId,
		@JsonProperty("DesktopType") @Nullable String desktopType) {

	public DesktopItem {
		endUserIds = (endUserIds != null) ? endUserIds.stream().filter((id) -> id != null && !id.isBlank()).toList()
				: List.of();
	}

	/**
	 * How the desktop is billed, read from the vendor's spelling.
	 * @return the charge type; {@link ChargeType#UNKNOWN} when absent or not recognized
	 */
	public ChargeType charge() {
		return ChargeType.of(this.chargeType);
	}

	/**
	 * This desktop, in the region it was asked in when the answer did not say its own.
	 * @param asked the region the DescribeDesktops call named
	 * @return the desktop with a region
	 */
	public DesktopItem orRegion(String asked) {
		if (this.regionId != null && !this.regionId.isBlank()) {
			return this;
		}
		return new DesktopItem(this.desktopId, this.desktopName, this.desktopStatus, this.connectionStatus,
				this.chargeType, this.endUserIds, this.officeSiteId, this.creationTime, this.expiredTime, asked,
				this.desktopType);
	}

}
