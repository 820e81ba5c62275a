package io.deskgraph.connector;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How DeskGraph spends vendor quota and retries failed vendor calls
 * ({@code deskgraph.upstream}).
 *
 * @param quotas the published (or assumed) quota of each vendor API, keyed
 * {@code <vendor>-<Api>}, {@code <vendor>} or {@code default}; the most specific key
 * applies, per account
 * @param quotaHeadroom the share of each quota DeskGraph uses, leaving the rest as a
 * safety margin for clock skew and network jitter
 * @param clientShare the largest share of one account's quota of an API that one client
 * may take in a minute while other clients wait for it
 * @param retry how failed vendor calls are retried
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.upstream")
public record UpstreamProperties(@DefaultValue Map<String, Quota> quotas, @DefaultValue("0.9") double quotaHeadroom,
		@DefaultValue("0.5") double clientShare, @DefaultValue Retry retry) {

	/** The quota of an API no key names. */
	static final Quota FALLBACK = new Quota(100, 30);

	public UpstreamProperties {
		if (quotaHeadroom <= 0 || quotaHeadroom > 1) {
			throw new IllegalArgumentException("deskgraph.upstream.quota-headroom must be above 0 and at most 1");
		}
		if (clientShare <= 0 || clientShare > 1) {
			throw new IllegalArgumentException("deskgraph.upstream.client-share must be above 0 and at most 1");
		}
		quotas.forEach((name, quota) -> {
			if (quota.perMinute() * quotaHeadroom <= quota.burst() || quota.burst() < 1) {
				throw new IllegalArgumentException("deskgraph.upstream.quotas." + name
						+ ": burst must be at least 1 and below per-minute × quota-headroom");
			}
		});
	}

	/**
	 * The quota of one API of one vendor: the entry for {@code <vendor>-<api>}, else for
	 * {@code <vendor>}, else {@code default}.
	 * @param vendor the vendor, lower case
	 * @param api the vendor operation
	 * @return the quota
	 */
	Quota quotaOf(String vendor, String api) {
		for (String key : new String[] { vendor + "-" + api, vendor, "default" }) {
			for (Map.Entry<String, Quota> entry : this.quotas.entrySet()) {
				if (entry.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
					return entry.getValue();
				}
			}
		}
		return FALLBACK;
	}

	/**
	 * A vendor quota and the burst DeskGraph may spend of it at once. DeskGraph's token
	 * bucket holds {@code burst} calls and refills at
	 * {@code perMinute × quotaHeadroom / 60} calls a second, and a log of the last
	 * minute's calls keeps every rolling minute within {@code perMinute × quotaHeadroom}
	 * calls: a long drain runs at the quota's full rate, and never past it.
	 *
	 * @param perMinute the calls the vendor allows per account and API in a rolling
	 * minute
	 * @param burst the calls DeskGraph may make at once after a quiet minute
	 */
	public record Quota(int perMinute, int burst) {

	}

	/**
	 * Retries of vendor calls that failed in a way that may pass (throttling, 5xx,
	 * timeouts, malformed answers): each retry waits the vendor's {@code Retry-After} if
	 * it sent one, else an exponential backoff with jitter, and takes a quota permit like
	 * any call; retries stop at the request's deadline or after {@code maxAttempts}.
	 *
	 * @param firstBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between two attempts
	 * @param jitter the random share by which each wait may be shorter or longer
	 * @param maxAttempts the most attempts of one call, the first included
	 */
	public record Retry(@DefaultValue("200ms") Duration firstBackoff, @DefaultValue("5s") Duration maxBackoff,
			@DefaultValue("0.5") double jitter, @DefaultValue("10") int maxAttempts) {

		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("deskgraph.upstream.retry.max-attempts must be at least 1");
			}
			if (jitter < 0 || jitter >= 1) {
				throw new IllegalArgumentException("deskgraph.upstream.retry.jitter must be in [0, 1)");
			}
		}

	}

}
