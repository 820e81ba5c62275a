package io.deskgraph.connector.shared;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Creates the shared tier when Redis is configured with Spring Boot's
 * {@code spring.data.redis.host} or {@code spring.data.redis.url}; without either there
 * is no tier and every replica keeps everything to itself, as a single gateway does.
 *
 * @author DeskGraph
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SharedTierConfiguration.RedisConfigured.class)
@EnableConfigurationProperties(RedisProperties.class)
class SharedTierConfiguration {

	@Bean(destroyMethod = "close")
	SharedTier sharedTier(RedisProperties redis, SharedTierProperties properties, MeterRegistry meters) {
		RedisURI uri = uriOf(redis, properties.commandTimeout());
		RedisClient client = RedisClient.create(uri);
		Duration connectTimeout = (redis.getConnectTimeout() != null) ? redis.getConnectTimeout()
				: properties.commandTimeout().multipliedBy(2);
		// Commands fail at once while disconnected, so that a request never waits on an
		// absent Redis; Lettuce reconnects in the background.
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
			.build());
		return new SharedTier(properties, client, uri, meters);
	}

	@Bean("redis")
	SharedTierHealthIndicator redisHealthIndicator(SharedTier tier) {
		return new SharedTierHealthIndicator(tier);
	}

	static RedisURI uriOf(RedisProperties redis, Duration commandTimeout) {
		RedisURI.Builder builder;
		if (StringUtils.hasText(redis.getUrl())) {
			builder = RedisURI.builder(RedisURI.create(redis.getUrl()));
		}
		else {
			builder = RedisURI.builder().withHost(redis.getHost()).withPort(redis.getPort());
			if (StringUtils.hasText(redis.getPassword())) {
				if (StringUtils.hasText(redis.getUsername())) {
					builder.withAuthentication(redis.getUsername(), redis.getPassword());
				}
				else {
					builder.withPassword(redis.getPassword().toCharArray());
				}
			}
			builder.withSsl(redis.getSsl().isEnabled());
		}
		builder.withDatabase(redis.getDatabase()).withTimeout(commandTimeout);
		if (StringUtils.hasText(redis.getClientName())) {
			builder.withClientName(redis.getClientName());
		}
		return builder.build();
	}

	/**
	 * Matches when {@code spring.data.redis.host} or {@code spring.data.redis.url} is
	 * set.
	 */
	static class RedisConfigured extends AnyNestedCondition {

		RedisConfigured() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("spring.data.redis.host")
		static class Host {

		}

		@ConditionalOnProperty("spring.data.redis.url")
		static class Url {

		}

	}

}
