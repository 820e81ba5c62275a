package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One {@code DesktopDetailInfo} of a ListDesktopsDetail answer, with the fields DeskGraph
 * reads.
 *
 * @param desktopId the desktop id
 * @param computerName the desktop name
 * @param status the run state, for example {@code ACTIVE}, {@code SHUTOFF},
 * {@code HIBERNATED} or {@code ERROR}
 * @param availabilityZone the availability zone
 * @param product the product the desktop was bought as, with its billing
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DesktopDetail(@JsonProperty("desktop_id") String desktopId,
		@JsonProperty("computer_name") @Nullable String computerName, @JsonProperty("status") @Nullable String status,
		@JsonProperty("availability_zone") @Nullable String availabilityZone,
		@JsonProperty("product") @Nullable ProductInfo product) {

}
