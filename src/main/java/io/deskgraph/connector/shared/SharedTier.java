package io.deskgraph.connector.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The replicas' shared tier on Redis: one Lettuce connection, kept and re-established in
 * the background, the commands the shared page cache, single flight and rate limits use,
 * and whether Redis is reachable right now; a command that fails marks it unreachable, so
 * every replica goes on alone until a check succeeds again.
 *
 * @author DeskGraph
 */
public final class SharedTier implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SharedTier.class);

	/** The version of the key layout and of the values: bump it when either changes. */
	private static final String LAYOUT = "v1";

	/** Deletes a lease only while it is still the holder's. */
	private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end";

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final SharedTierProperties properties;

	private final RedisClient client;

	private final RedisURI uri;

	private final String where;

	private final AtomicBoolean up = new AtomicBoolean();

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final Disposable checks;

	/** Completes reserved permits when they are due. */
	private final ScheduledExecutorService permits = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "deskgraph-shared-permits");
		thread.setDaemon(true);
		return thread;
	});

	@Nullable
	private volatile Connected connected;

	@Nullable
	private volatile String lastFailure;

	private volatile Instant since = Instant.now();

	private SharedTier(SharedTierProperties properties, RedisClient client, RedisURI uri, MeterRegistry meters) {
		this.properties = properties;
		this.client = client;
		this.uri = uri;
		// Host and port only: a URL may carry a password.
		this.where = uri.getHost() + ":" + uri.getPort();
		Gauge.builder("deskgraph.shared.up", this, (tier) -> tier.isUp() ? 1 : 0)
			.description("Whether the shared tier on Redis is reachable (1) or each replica serves alone (0)")
			.register(meters);
		check();
		this.checks = Flux.interval(properties.healthInterval(), properties.healthInterval())
			.onBackpressureDrop()
			.subscribe((tick) -> check());
	}

	/**
	 * Connects to Redis as {@code spring.data.redis.*} says, in the background: the tier
	 * is up once Redis answers.
	 * @param redis where Redis is
	 * @param properties the tier's settings
	 * @param meters where its gauge goes
	 * @return the tier
	 */
	public static SharedTier create(RedisProperties redis, SharedTierProperties properties, MeterRegistry meters) {
		RedisURI uri = uriOf(redis, properties.commandTimeout());
		RedisClient client = RedisClient.create(uri);
		Duration connectTimeout = (redis.getConnectTimeout() != null) ? redis.getConnectTimeout()
				: properties.commandTimeout();
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

	private static RedisURI uriOf(RedisProperties redis, Duration commandTimeout) {
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
	 * Whether Redis answered the last command or check.
	 * @return true while the tier is shared
	 */
	public boolean isUp() {
		return this.up.get();
	}

	/**
	 * The tier's configuration.
	 * @return the properties
	 */
	public SharedTierProperties properties() {
		return this.properties;
	}

	/**
	 * A key in DeskGraph's namespace and layout version.
	 * @param kind what the key holds, for example {@code page}
	 * @param parts what identifies it; never a credential
	 * @return the key
	 */
	public String key(String kind, String... parts) {
		StringBuilder key = new StringBuilder(this.properties.keyPrefix()).append(':')
			.append(LAYOUT)
			.append(':')
			.append(kind);
		for (String part : parts) {
			key.append(':').append(part);
		}
		return key.toString();
	}

	/**
	 * What a key carries instead of readable text (request parameters, client names): the
	 * text's SHA-256, in hex.
	 * @param text the text
	 * @return its hash
	 */
	public static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The value of a key.
	 * @param key the key
	 * @return the value; empty when there is none or Redis is unreachable
	 */
	public Mono<byte[]> get(String key) {
		RedisReactiveCommands<String, byte[]> commands = commands();
		if (commands == null) {
			return Mono.empty();
		}
		return guard(commands.get(key), "GET");
	}

	/**
	 * Sets a key for a time.
	 * @param key the key
	 * @param value the value
	 * @param ttl how long Redis keeps it
	 * @return completes when stored, or at once when Redis is unreachable
	 */
	public Mono<Void> set(String key, byte[] value, Duration ttl) {
		RedisReactiveCommands<String, byte[]> commands = commands();
		if (commands == null || ttl.toMillis() <= 0) {
			return Mono.empty();
		}
		return guard(commands.set(key, value, SetArgs.Builder.px(ttl.toMillis())), "SET").then();
	}

	/**
	 * Takes a lease on a key unless another replica holds it.
	 * @param key the lease's key
	 * @param token what identifies this holder
	 * @return true when this replica holds the lease, false when another does; empty when
	 * Redis is unreachable
	 */
	public Mono<Boolean> lease(String key, String token) {
		RedisReactiveCommands<String, byte[]> commands = commands();
		if (commands == null) {
			return Mono.empty();
		}
		// A key already set answers nil, which is an empty reply: the lease is another's.
		return guard(commands
			.set(key, token.getBytes(StandardCharsets.UTF_8),
					SetArgs.Builder.nx().px(this.properties.lease().toMillis()))
			.map("OK"::equals)
			.defaultIfEmpty(false), "SET NX");
	}

	/**
	 * Gives a lease back, if this holder still has it.
	 * @param key the lease's key
	 * @param token the holder's token
	 * @return completes when done
	 */
	public Mono<Void> release(String key, String token) {
		RedisReactiveCommands<String, byte[]> commands = commands();
		if (commands == null) {
			return Mono.empty();
		}
		return guard(commands
			.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] { key }, token.getBytes(StandardCharsets.UTF_8))
			.next(), "EVAL").then();
	}

	/**
	 * A rate limit bucket every replica shares.
	 * @param key the bucket's key
	 * @param configuration its limits, used when the bucket is created
	 * @return the bucket, or {@code null} when Redis is unreachable
	 */
	@Nullable
	private AsyncBucketProxy bucket(String key, BucketConfiguration configuration) {
		Connected now = this.connected;
		if (now == null || !isUp()) {
			return null;
		}
		return now.buckets().builder().build(key, () -> CompletableFuture.completedFuture(configuration));
	}

	/**
	 * Takes one permit of a rate limit every replica shares.
	 * @param key the bucket's key
	 * @param configuration its limits, used when the bucket is created
	 * @return 0 when the permit was taken, else the nanoseconds until one is free; empty
	 * when Redis is unreachable
	 */
	public Mono<Long> tryTake(String key, BucketConfiguration configuration) {
		AsyncBucketProxy bucket = bucket(key, configuration);
		if (bucket == null) {
			return Mono.empty();
		}
		return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1))
			.map((probe) -> probe.isConsumed() ? 0L : Math.max(1L, probe.getNanosToWaitForRefill()))
			.timeout(this.properties.commandTimeout())
			.onErrorResume((ex) -> {
				failed("rate limit", ex);
				return Mono.empty();
			});
	}

	/**
	 * Reserves one permit of a rate limit every replica shares, waiting for it when it
	 * comes within a time: permits are handed out in the order they were reserved, across
	 * replicas, and a permit that would come too late is refused at once.
	 * @param key the bucket's key
	 * @param configuration its limits, used when the bucket is created
	 * @param maxWait the longest the permit may take
	 * @return true once the permit is due, false at once when it would take longer than
	 * {@code maxWait}; empty when Redis is unreachable
	 */
	public Mono<Boolean> reserve(String key, BucketConfiguration configuration, Duration maxWait) {
		AsyncBucketProxy bucket = bucket(key, configuration);
		if (bucket == null) {
			return Mono.empty();
		}
		// Bucket4j schedules only positive waits; no wait at all is a plain attempt.
		return Mono
			.fromFuture(() -> (maxWait.toNanos() > 0) ? bucket.asScheduler().tryConsume(1, maxWait, this.permits)
					: bucket.tryConsume(1))
			.timeout(maxWait.plus(this.properties.commandTimeout()))
			.onErrorResume((ex) -> {
				failed("rate limit", ex);
				return Mono.empty();
			});
	}

	/**
	 * Marks Redis unreachable after a failed command, so that the replica serves alone
	 * until a check succeeds.
	 * @param command what failed
	 * @param failure why
	 */
	public void failed(String command, Throwable failure) {
		boolean first = this.lastFailure == null && this.connected == null;
		this.lastFailure = command + ": " + failure.getClass().getSimpleName();
		if (this.up.compareAndSet(true, false) || first) {
			this.since = Instant.now();
			logger.warn(
					"Redis at {} is unreachable ({} failed: {}): this replica serves alone from its own cache, "
							+ "keeping to 1/{} of each vendor quota and client limit, until Redis answers again",
					this.where, command, failure.getMessage(), this.properties.replicas());
		}
	}

	/**
	 * When the tier last became reachable or unreachable.
	 * @return the instant
	 */
	public Instant since() {
		return this.since;
	}

	/**
	 * What failed last, without any value or credential.
	 * @return the command and the kind of failure, or {@code null}
	 */
	@Nullable
	public String lastFailure() {
		return this.lastFailure;
	}

	/**
	 * Where Redis is, as host and port.
	 * @return the address
	 */
	public String where() {
		return this.where;
	}

	@Override
	public void close() {
		this.checks.dispose();
		this.permits.shutdownNow();
		Connected now = this.connected;
		if (now != null) {
			now.connection().close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

	@Nullable
	private RedisReactiveCommands<String, byte[]> commands() {
		Connected now = this.connected;
		return (now != null && isUp()) ? now.connection().reactive() : null;
	}

	private <T> Mono<T> guard(Mono<T> command, String name) {
		return command.timeout(this.properties.commandTimeout()).onErrorResume((ex) -> {
			failed(name, ex);
			return Mono.empty();
		});
	}

	/**
	 * Connects when there is no connection yet, else pings: the tier is up exactly while
	 * Redis answers.
	 */
	private void check() {
		Connected now = this.connected;
		if (now == null) {
			connect();
			return;
		}
		now.connection()
			.reactive()
			.ping()
			.timeout(this.properties.commandTimeout())
			.subscribe((pong) -> reachable(), (ex) -> failed("PING", ex));
	}

	private void connect() {
		if (!this.connecting.compareAndSet(false, true)) {
			return;
		}
		this.client.connectAsync(CODEC, this.uri).whenComplete((connection, failure) -> {
			this.connecting.set(false);
			if (failure != null) {
				failed("CONNECT", failure);
				return;
			}
			AsyncProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.requestTimeout(this.properties.commandTimeout())
				.build()
				.asAsync();
			this.connected = new Connected(connection, buckets);
			reachable();
		});
	}

	private void reachable() {
		if (this.up.compareAndSet(false, true)) {
			this.since = Instant.now();
			logger.info("Redis at {} is reachable: vendor pages, single flight, vendor quotas and client limits are "
					+ "shared with the other replicas ({} configured)", this.where, this.properties.replicas());
		}
	}

	private record Connected(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> buckets) {
	}

}
