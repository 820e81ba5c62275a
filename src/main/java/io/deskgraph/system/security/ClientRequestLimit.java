package io.deskgraph.system.security;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * How fast each client may call {@code /graphql}: in this replica alone, or across every
 * replica sharing Redis.
 *
 * @author DeskGraph
 */
interface ClientRequestLimit {

	/**
	 * Takes one request permit for a client.
	 * @param client the client's key
	 * @return zero when the request may go on, else how long until the client's next
	 * permit
	 */
	Mono<Duration> acquire(String client);

}
