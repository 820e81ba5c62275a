package io.deskgraph.connector.alibaba;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every Alibaba Cloud ECD connector ({@code deskgraph.alibaba.*}).
 *
 * @param responseTimeout how long one vendor call may take, body included, before it
 * fails as unavailable
 * @param connectTimeout how long opening a connection to the vendor may take
 * @param dayFetchConcurrency how many one-day usage rankings are fetched at once for the
 * per-day points of desktop usage
 * @param maxResponseSize the largest vendor answer read into memory
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.alibaba")
public record AlibabaProperties(@DefaultValue("5s") Duration responseTimeout,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("4") int dayFetchConcurrency,
		@DefaultValue("16MB") DataSize maxResponseSize) {

	public AlibabaProperties {
		if (dayFetchConcurrency < 1) {
			throw new IllegalArgumentException("deskgraph.alibaba.day-fetch-concurrency must be at least 1");
		}
	}

	/** The defaults, as bound from an empty configuration. */
	public static final AlibabaProperties DEFAULTS = new AlibabaProperties(Duration.ofSeconds(5), Duration.ofSeconds(5),
			4, DataSize.ofMegabytes(16));

}
