package io.deskgraph.connector;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What every vendor's clients are built from: the Boot-configured WebClient builder
 * (cloned per client, never changed), the JSON mapper, the upstream executor every vendor
 * call goes through, the background jobs long drains of pages run as, and the clock
 * signatures, date windows and cache ages are computed from.
 *
 * @param webClientBuilder the Boot-configured builder
 * @param objectMapper writes request bodies and reads answers
 * @param upstream the cache and resilience chain of every vendor call
 * @param drains the shared drain jobs
 * @param clock the clock
 * @author DeskGraph
 */
@Component
public record ConnectorInfrastructure(WebClient.Builder webClientBuilder, ObjectMapper objectMapper,
		UpstreamExecutor upstream, DrainJobs drains, Clock clock) {

}
