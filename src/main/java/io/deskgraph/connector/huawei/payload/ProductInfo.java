package io.deskgraph.connector.huawei.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * The {@code product} of a desktop in a ListDesktopsDetail answer, with the fields
 * DeskGraph reads.
 *
 * @param productId the product (package) id
 * @param flavorId the flavor id
 * @param chargeMode {@code 0} for yearly/monthly, {@code 1} for on demand, as the SDK's
 * javadoc and the API definition document it
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductInfo(@JsonProperty("product_id") @Nullable String productId,
		@JsonProperty("flavor_id") @Nullable String flavorId,
		@JsonProperty("charge_mode") @Nullable String chargeMode) {

}
