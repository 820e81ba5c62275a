package io.deskgraph.connector.shared;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

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
		return SharedTier.create(redis, properties, meters);
	}

	@Bean("redis")
	SharedTierHealthIndicator redisHealthIndicator(SharedTier tier) {
		return new SharedTierHealthIndicator(tier);
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
