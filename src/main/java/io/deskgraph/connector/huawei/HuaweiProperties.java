package io.deskgraph.connector.huawei;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every Huawei Cloud Workspace connector ({@code deskgraph.huawei.*}).
 *
 * @param responseTimeout how long one vendor call may take, body included, before it
 * fails as unavailable
 * @param connectTimeout how long opening a connection to the vendor may take
 * @param pageFetchConcurrency how many vendor pages are fetched at once after the first
 * @param maxResponseSize the largest vendor answer read into memory
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.huawei")
public record HuaweiProperties(@DefaultValue("5s") Duration responseTimeout,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("9") int pageFetchConcurrency,
		@DefaultValue("16MB") DataSize maxResponseSize) {

	public HuaweiProperties {
		if (pageFetchConcurrency < 1) {
			throw new IllegalArgumentException("deskgraph.huawei.page-fetch-concurrency must be at least 1");
		}
	}

	/** The defaults, as bound from an empty configuration. */
	public static final HuaweiProperties DEFAULTS = new HuaweiProperties(Duration.ofSeconds(5), Duration.ofSeconds(5),
			9, DataSize.ofMegabytes(16));

}
