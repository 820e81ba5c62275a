package io.deskgraph.connector.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisServer}, over a real {@code redis-server} process.
 *
 * @author DeskGraph
 */
class RedisServerTests {

	@Test
	void startAnswersPingOnLoopbackWithoutPersistence() {
		try (RedisServer redis = RedisServer.start()) {
			assertThat(redis.running()).isTrue();
			assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
			assertThat(redis.command("PING")).isEqualTo("PONG");
			assertThat(redis.command("CONFIG", "GET", "bind")).isEqualTo(List.of("bind", "127.0.0.1"));
			assertThat(redis.command("CONFIG", "GET", "save")).isEqualTo(List.of("save", ""));
			assertThat(redis.command("CONFIG", "GET", "appendonly")).isEqualTo(List.of("appendonly", "no"));
		}
	}

	@Test
	void stopEndsTheProcessAndFreesThePort() throws IOException {
		try (RedisServer redis = RedisServer.start()) {
			redis.stop();
			assertThat(redis.running()).isFalse();
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> redis.command("PING"));
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), redis.port()));
				assertThat(socket.isBound()).isTrue();
			}
			redis.stop();
			assertThat(redis.running()).isFalse();
		}
	}

	@Test
	void restartAfterStopServesOnTheSamePortAndKeepsNothing() {
		try (RedisServer redis = RedisServer.start()) {
			int port = redis.port();
			assertThat(redis.command("SET", "deskgraph:test", "kept?")).isEqualTo("OK");
			redis.stop();
			redis.restart();
			assertThat(redis.running()).isTrue();
			assertThat(redis.port()).isEqualTo(port);
			assertThat(redis.command("PING")).isEqualTo("PONG");
			assertThat(redis.command("GET", "deskgraph:test")).isNull();
		}
	}

	@Test
	void restartWhileRunningStopsItFirst() {
		try (RedisServer redis = RedisServer.start()) {
			int port = redis.port();
			redis.command("SET", "deskgraph:test", "1");
			redis.restart();
			assertThat(redis.port()).isEqualTo(port);
			assertThat(redis.command("DBSIZE")).isEqualTo(0L);
		}
	}

	@Test
	void flushAllRemovesEveryKey() {
		try (RedisServer redis = RedisServer.start()) {
			redis.command("SET", "deskgraph:a", "1");
			redis.command("SET", "deskgraph:b", "2");
			assertThat(redis.command("DBSIZE")).isEqualTo(2L);
			redis.flushAll();
			assertThat(redis.command("DBSIZE")).isEqualTo(0L);
		}
	}

	@Test
	void serversStartedTogetherHaveTheirOwnPorts() {
		try (RedisServer first = RedisServer.start(); RedisServer second = RedisServer.start()) {
			assertThat(first.port()).isNotEqualTo(second.port());
			first.command("SET", "deskgraph:only-here", "1");
			assertThat(second.command("DBSIZE")).isEqualTo(0L);
		}
	}

	@Test
	void commandReportsTheServersErrors() {
		try (RedisServer redis = RedisServer.start()) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> redis.command("NOSUCHCOMMAND"))
				.withMessageContaining("ERR");
		}
	}

}
