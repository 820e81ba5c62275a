package io.deskgraph.system.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every GraphQL request must stay within before it is executed.
 *
 * @param maxDepth the deepest field nesting a query may have; introspection fields are
 * not counted
 * @param maxAliases the most aliased fields a query may have, counted with fragments
 * expanded
 * @param maxFields the most field selections a document may have, counted with fragments
 * expanded before it is validated, since validating repeated fields costs far more than
 * parsing them
 * @param maxCost the highest cost a query may have; a connection field costs its page
 * size times the accounts it fans out to, plus its page size times the cost of its edges,
 * plus the rest of its selection
 * @param maxRequestBytes the largest HTTP request body accepted on any path, by its
 * {@code Content-Length} or by the bytes streamed so far; larger bodies get HTTP 413
 * @param introspectionEnabled whether {@code __schema} and {@code __type} queries are
 * allowed; the prod profile turns this off
 * @param bodyReadTimeout the longest pause between two reads of a request body; the
 * connection of a client that stalls longer is closed (logged and measured as HTTP 408)
 * @param bodyTimeout the longest a request body may take to arrive in full, however
 * steadily it trickles in; the connection of a slower client is closed (logged and
 * measured as HTTP 408); neither timeout applies once the body has arrived
 * @param maxRangeDays how many days before today the earliest day of any date range or
 * idle window may lie; vendors with shorter windows reject earlier starts with their own
 * limit
 * @param maxUpstreamCalls the most vendor calls one request may cause: the estimate made
 * before execution (accounts × windows × pages) must stay within it, and calls beyond it
 * fail
 * @param requestDeadline how long one GraphQL request may take in all: waits for vendor
 * quota and retries of failed vendor calls end by then
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.limits")
public record LimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("30") int maxAliases,
		@DefaultValue("1000") int maxFields, @DefaultValue("10000") long maxCost,
		@DefaultValue("64KB") DataSize maxRequestBytes, @DefaultValue("true") boolean introspectionEnabled,
		@DefaultValue("10s") Duration bodyReadTimeout, @DefaultValue("30s") Duration bodyTimeout,
		@DefaultValue("366") int maxRangeDays, @DefaultValue("60") int maxUpstreamCalls,
		@DefaultValue("20s") Duration requestDeadline) {

	public LimitsProperties {
		if (maxRangeDays < 1) {
			throw new IllegalArgumentException("deskgraph.limits.max-range-days must be at least 1");
		}
		if (maxUpstreamCalls < 1) {
			throw new IllegalArgumentException("deskgraph.limits.max-upstream-calls must be at least 1");
		}
		if (requestDeadline.isNegative() || requestDeadline.isZero()) {
			throw new IllegalArgumentException("deskgraph.limits.request-deadline must be positive");
		}
	}

}
