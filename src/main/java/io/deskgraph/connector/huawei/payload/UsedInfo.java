package io.deskgraph.connector.huawei.payload;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * Usage in one day or hour bucket of a ListUsedDesktopInfo answer.
 *
 * @param date the bucket, {@code yyyy-MM-dd} for days; hours come in several forms
 * @param useTime online hours with two decimals, sent as a JSON string ({@code "1.32"})
 * or a bare number; both parse
 * @author DeskGraph
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsedInfo(@JsonProperty("date") @Nullable String date,
		@JsonProperty("use_time") @Nullable BigDecimal useTime) {

}
