package io.deskgraph.connector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long drains of vendor pages may run in the background, and how many pages one may
 * take when the vendor tells no total ({@code deskgraph.drains}).
 *
 * @param deadline how long one drain job may run, waiting for vendor quota included; a
 * drain not done by then fails, and the next question goes on from the pages already
 * cached
 * @param maxPagesWithoutTotal the most pages a drain may fetch while the vendor reported
 * no total count; a drain whose first page tells its total may take the pages that total
 * needs and a quarter more, whatever its size. A longer chain is taken for a vendor that
 * does not stop paging and fails as unavailable
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.drains")
public record DrainsProperties(@DefaultValue("15m") Duration deadline, @DefaultValue("1000") int maxPagesWithoutTotal) {

	public DrainsProperties {
		if (deadline.isNegative() || deadline.isZero()) {
			throw new IllegalArgumentException("deskgraph.drains.deadline must be positive");
		}
		if (maxPagesWithoutTotal < 1) {
			throw new IllegalArgumentException("deskgraph.drains.max-pages-without-total must be at least 1");
		}
	}

}
