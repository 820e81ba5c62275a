package io.deskgraph.system.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which GraphQL requests the request log writes at INFO.
 *
 * @param everyRequest every request at INFO, answers from the response cache included; by
 * default a request answered from cached vendor data without errors, quickly, is logged
 * at DEBUG only, because at the rate such answers go out a line each costs a tenth of the
 * gateway's throughput
 * @param slowThreshold a request that takes at least this long is logged at INFO
 * @author DeskGraph
 */
@ConfigurationProperties("deskgraph.request-log")
public record RequestLogProperties(@DefaultValue("false") boolean everyRequest,
		@DefaultValue("1s") Duration slowThreshold) {

}
