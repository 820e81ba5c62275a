package io.deskgraph.connector;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.deskgraph.connector.shared.RedisServer;
import io.deskgraph.connector.shared.SharedTier;
import io.deskgraph.connector.shared.SharedTierProperties;
import io.deskgraph.usage.Vendor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests {@link VendorQuotaLimiter} with the replicas' shared tier: the bucket on a real
 * Redis that every replica takes its permits from, and the replica's share of the quota
 * while Redis is unreachable.
 *
 * @author DeskGraph
 */
class SharedQuotaTests {

	/** 100 calls a minute, 90 usable: 10 at once, then 90 a minute. */
	private static final UpstreamProperties QUOTAS = new UpstreamProperties(
			Map.of("default", new UpstreamProperties.Quota(100, 30)), 0.9, 0.5,
			new UpstreamProperties.Retry(Duration.ofMillis(200), Duration.ofSeconds(5), 0.5, 10));

	private static final UpstreamRequest CALL = new UpstreamRequest(Vendor.HUAWEI, "huawei-demo", "ListUsedDesktopInfo",
			"one", Freshness.FINAL);

	@Test
	void replicasTakeTheirPermitsFromOneBucketHoldingOnlyTheHeadroom() {
		try (RedisServer redis = RedisServer.start();
				SharedTier tier = tier(redis.port(), 3);
				SharedTier other = tier(redis.port(), 3)) {
			await(tier, true);
			await(other, true);
			VendorQuotaLimiter first = limiter(tier);
			VendorQuotaLimiter second = limiter(other);
			// Each replica's own bucket would allow 30 at once; together they get 10, and
			// what the shared bucket refills meanwhile (1.5 a second).
			long started = System.nanoTime();
			int granted = 0;
			for (int i = 0; i < 15; i++) {
				VendorQuotaLimiter replica = (i % 2 == 0) ? first : second;
				if (permit(replica)) {
					granted++;
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			assertThat(granted).isBetween(10, 10 + (int) Math.floor(1.5 * seconds));
		}
	}

	@Test
	void aPermitDueWithinTheWaitIsReservedAndOneDueTooLateIsRefusedAtOnce() {
		try (RedisServer redis = RedisServer.start(); SharedTier tier = tier(redis.port(), 3)) {
			await(tier, true);
			VendorQuotaLimiter limiter = limiter(tier);
			while (permit(limiter)) {
				// The shared bucket's 10 at once.
			}
			// 1.5 permits a second: the next is due in about 0.67 s.
			long started = System.nanoTime();
			limiter.acquire(CALL, Caller.INTERNAL, Duration.ofSeconds(3)).block(Duration.ofSeconds(5));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
					Duration.ofMillis(2500));
			started = System.nanoTime();
			assertThatThrownBy(
					() -> limiter.acquire(CALL, Caller.INTERNAL, Duration.ofMillis(100)).block(Duration.ofSeconds(5)))
				.isInstanceOf(QuotaWaitException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
		}
	}

	@Test
	void whileRedisIsUnreachableEachReplicaKeepsToItsShare() throws IOException {
		int nobodyListens;
		try (ServerSocket socket = new ServerSocket(0)) {
			nobodyListens = socket.getLocalPort();
		}
		try (SharedTier tier = tier(nobodyListens, 3)) {
			assertThat(tier.isUp()).isFalse();
			VendorQuotaLimiter limiter = limiter(tier);
			int granted = 0;
			for (int i = 0; i < 30; i++) {
				if (permit(limiter)) {
					granted++;
				}
			}
			// A third of the burst of 30: with the two others, the 30 the quota allows at
			// once.
			assertThat(granted).isEqualTo(10);
		}
	}

	private static boolean permit(VendorQuotaLimiter limiter) {
		try {
			limiter.acquire(CALL, Caller.INTERNAL, Duration.ZERO).block(Duration.ofSeconds(5));
			return true;
		}
		catch (QuotaWaitException ex) {
			return false;
		}
	}

	private static VendorQuotaLimiter limiter(SharedTier tier) {
		return new VendorQuotaLimiter(QUOTAS, new SimpleMeterRegistry(),
				new StaticListableBeanFactory(Map.of("sharedTier", tier)).getBeanProvider(SharedTier.class));
	}

	private static SharedTier tier(int port, int replicas) {
		RedisProperties redis = new RedisProperties();
		redis.setHost("127.0.0.1");
		redis.setPort(port);
		return SharedTier.create(
				redis, new SharedTierProperties(replicas, "deskgraph-test", Duration.ofSeconds(10),
						Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofHours(1)),
				new SimpleMeterRegistry());
	}

	private static void await(SharedTier tier, boolean up) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (tier.isUp() != up && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(tier.isUp()).isEqualTo(up);
	}

}
