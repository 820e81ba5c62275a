package io.deskgraph.system.security;

import java.util.ArrayList;
import java.util.List;

import io.deskgraph.connector.AccountRegistry;
import io.deskgraph.connector.shared.SharedTier;
import io.deskgraph.usage.ExportTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

/**
 * The security filter chain of the gateway: API key and bearer JWT authentication,
 * required on {@code /graphql}, the export files under {@code /exports} and the actuator
 * (except health) when configured, a limit on failed authentication per client address,
 * per-client rate limiting and the caller in the Reactor context.
 *
 * @author DeskGraph
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, SecurityProperties properties,
			AccountRegistry accounts, GraphQlProperties graphQl, ObjectProvider<ReactiveJwtDecoder> jwtDecoders,
			Environment environment, ObjectProvider<SharedTier> sharedTiers) {
		ReactiveJwtDecoder jwtDecoder = jwtDecoders.getIfUnique();
		SharedTier sharedTier = sharedTiers.getIfAvailable();
		boolean apiKeys = !properties.apiKeys().isEmpty();
		boolean bearer = jwtDecoder != null;
		boolean required = (properties.required() != null) ? properties.required() : (apiKeys || bearer);
		ClientAddressResolver addresses = new ClientAddressResolver(properties.trustedProxies());
		report(required, apiKeys, bearer, properties, accounts, addresses, environment);
		String graphQlPath = graphQl.getHttp().getPath();
		// Export files are API calls like /graphql: the same credentials and rate limit.
		ServerWebExchangeMatcher graphQlRequests = ServerWebExchangeMatchers.pathMatchers(graphQlPath,
				graphQlPath + "/**", ExportTask.DOWNLOADS + "/**");
		SecurityProperties.RateLimit rateLimit = properties.rateLimit();
		if (!required && !apiKeys && !bearer) {
			return openAccess(graphQlRequests, rateLimit, properties.accountsClaim(), addresses, sharedTier);
		}
		JsonAuthenticationEntryPoint entryPoint = new JsonAuthenticationEntryPoint(apiKeys, bearer);
		// Stateless: every request carries its credentials, nothing is kept between them.
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler((exchange, denied) -> JsonErrors.write(exchange, HttpStatus.FORBIDDEN, "forbidden",
						"These credentials may not use this endpoint: it is for operators, whose credentials are "
								+ "not limited to some accounts")));
		ServerAuthenticationFailureHandler failureHandler = new ServerAuthenticationEntryPointFailureHandler(
				entryPoint);
		if (rateLimit.authFailuresPerMinute() != 0) {
			ClientRateLimiter failures = new ClientRateLimiter(
					"deskgraph.security.rate-limit.auth-failures-per-minute, auth-failure-burst and max-clients",
					rateLimit.authFailuresPerMinute() / 60, rateLimit.authFailureBurst(), rateLimit.maxClients(),
					System::nanoTime);
			AuthenticationFailureLimitWebFilter failureLimit = new AuthenticationFailureLimitWebFilter(failures,
					addresses);
			failureHandler = failureLimit.counting(failureHandler);
			http.addFilterBefore(failureLimit, SecurityWebFiltersOrder.AUTHENTICATION);
		}
		if (apiKeys) {
			ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(properties.apiKeys(), accounts);
			AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(authenticator);
			apiKeyFilter.setServerAuthenticationConverter(authenticator);
			apiKeyFilter.setAuthenticationFailureHandler(failureHandler);
			http.addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION);
		}
		if (jwtDecoder != null) {
			ServerAuthenticationFailureHandler bearerFailureHandler = failureHandler;
			http.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(entryPoint)
				.authenticationFailureHandler(bearerFailureHandler)
				.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder)
					.jwtAuthenticationConverter(new BearerAuthenticationConverter(properties.accountsClaim(),
							properties.federationScope()))));
		}
		// Credentials that are sent are always checked, so health shows details to
		// operators (management.endpoint.health.roles) even where anonymous callers are
		// let in. Metrics and health details span every account, so a caller limited to
		// some accounts is no operator.
		http.authorizeExchange((exchanges) -> {
			if (required) {
				exchanges.matchers(EndpointRequest.to(HealthEndpoint.class))
					.permitAll()
					.matchers(EndpointRequest.toAnyEndpoint())
					.hasRole(Roles.OPERATOR)
					.matchers(graphQlRequests)
					.authenticated()
					.pathMatchers(graphQl.getGraphiql().getPath(), "/", "/index.html", "/favicon.ico", "/examples/**",
							"/dashboard/**", "/graphiql/**", "/webjars/**")
					.permitAll()
					.anyExchange()
					.authenticated();
			}
			else {
				exchanges.anyExchange().permitAll();
			}
		});
		if (rateLimit.enabled()) {
			http.addFilterBefore(clientRateLimit(graphQlRequests, rateLimit, sharedTier),
					SecurityWebFiltersOrder.AUTHORIZATION);
		}
		// Right after authentication, so that the rate limit counts the caller it names.
		http.addFilterAfter(new CallerWebFilter(properties.accountsClaim(), addresses),
				SecurityWebFiltersOrder.AUTHENTICATION);
		return http.build();
	}

	/**
	 * The chain when no client can authenticate and none has to: every caller is
	 * anonymous and may see every account, so none of Spring Security's filters (security
	 * context, anonymous token, authorization, response headers) has anything to decide;
	 * only the caller's address and its request rate are left to handle.
	 */
	private static SecurityWebFilterChain openAccess(ServerWebExchangeMatcher graphQlRequests,
			SecurityProperties.RateLimit rateLimit, String accountsClaim, ClientAddressResolver addresses,
			@Nullable SharedTier sharedTier) {
		List<WebFilter> filters = new ArrayList<>(2);
		filters.add(new CallerWebFilter(accountsClaim, addresses));
		if (rateLimit.enabled()) {
			filters.add(clientRateLimit(graphQlRequests, rateLimit, sharedTier));
		}
		return new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(), filters);
	}

	private static ClientRateLimitWebFilter clientRateLimit(ServerWebExchangeMatcher graphQlRequests,
			SecurityProperties.RateLimit rateLimit, @Nullable SharedTier sharedTier) {
		if (sharedTier != null) {
			return new ClientRateLimitWebFilter(graphQlRequests, new SharedClientRequestLimit(sharedTier, rateLimit));
		}
		ClientRateLimiter limiter = new ClientRateLimiter(
				"deskgraph.security.rate-limit.requests-per-second, burst and max-clients",
				rateLimit.requestsPerSecond(), rateLimit.burst(), rateLimit.maxClients(), System::nanoTime);
		return new ClientRateLimitWebFilter(graphQlRequests,
				(client) -> Mono.fromSupplier(() -> limiter.acquire(client)));
	}

	private static void report(boolean required, boolean apiKeys, boolean bearer, SecurityProperties properties,
			AccountRegistry accounts, ClientAddressResolver addresses, Environment environment) {
		String schemes = (apiKeys ? properties.apiKeys().size() + " API key(s)" : "no API key")
				+ (bearer ? " and bearer JWTs" : "");
		if (!required) {
			logger.warn(
					"Client authentication is off ({}{}): the gateway is open to anyone who can reach it; "
							+ "configure deskgraph.security.api-keys or a JWT issuer to require it",
					accounts.isDemoMode() ? "demo mode, " : "", schemes);
		}
		else if (!apiKeys && !bearer) {
			logger.warn("Client authentication is required but neither deskgraph.security.api-keys nor a JWT issuer "
					+ "is configured: every request to the GraphQL endpoint is refused");
		}
		else {
			logger.info("Client authentication required: {}", schemes);
		}
		SecurityProperties.RateLimit rateLimit = properties.rateLimit();
		if (rateLimit.enabled()) {
			logger.info("Per-client rate limit: {} request(s)/s, burst {}", rateLimit.requestsPerSecond(),
					rateLimit.burst());
		}
		if (rateLimit.authFailuresPerMinute() != 0) {
			logger.info("Failed authentication limit per client address: {}/min, burst {}",
					rateLimit.authFailuresPerMinute(), rateLimit.authFailureBurst());
		}
		else if (apiKeys || bearer) {
			logger.warn("Failed authentication attempts are not limited (deskgraph.security.rate-limit."
					+ "auth-failures-per-minute=0): clients may try credentials as fast as they like");
		}
		if (!addresses.trustedProxies().isEmpty()) {
			logger.info("Client addresses are read from forwarding headers of trusted proxies {}",
					addresses.trustedProxies());
		}
		String forwardHeaders = environment.getProperty("server.forward-headers-strategy", "none");
		if (!forwardHeaders.equalsIgnoreCase("none")) {
			logger.warn("server.forward-headers-strategy={} takes the remote address from forwarding headers sent by "
					+ "anyone, so a client can choose its own rate-limit bucket; set it to none and list the proxies "
					+ "in deskgraph.security.trusted-proxies instead", forwardHeaders);
		}
	}

}
