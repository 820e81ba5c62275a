package io.deskgraph.connector;

import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Who a request is made for, as the vendor-quota limiter sees it: the same client key the
 * per-client rate limit uses ({@code key:<name>}, {@code jwt:<subject>} or
 * {@code address:<ip>}), carried in the Reactor context from the security filters to the
 * vendor calls, so that vendor quota can be shared fairly between clients.
 *
 * @param key the client key; never a credential
 * @author DeskGraph
 */
public record Caller(String key) {

	/** The caller of work that no client request started (start-up, health checks). */
	public static final Caller INTERNAL = new Caller("internal");

	/**
	 * The caller of the current request, read from the Reactor context.
	 * @return the caller, {@link #INTERNAL} when the context carries none
	 */
	public static Mono<Caller> current() {
		return Mono.deferContextual((context) -> Mono.just(of(context)));
	}

	/**
	 * The caller recorded in a Reactor context.
	 * @param context the context
	 * @return the caller, {@link #INTERNAL} when the context carries none
	 */
	public static Caller of(ContextView context) {
		return context.getOrDefault(Caller.class, INTERNAL);
	}

	/**
	 * A function for {@code contextWrite} that puts this caller into a Reactor context.
	 * @return the context update
	 */
	public Function<Context, Context> into() {
		return (context) -> context.put(Caller.class, this);
	}

}
