package io.deskgraph.system.security;

import java.util.Set;

import graphql.GraphQLContext;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Puts the authorities of a GraphQL request's authenticated caller into its GraphQL
 * context, where instrumentation that decides by role, such as
 * {@link FederationServiceInstrumentation}, reads them.
 *
 * @author DeskGraph
 */
@Component
class CallerAuthoritiesInterceptor implements WebGraphQlInterceptor {

	private static final String KEY = CallerAuthoritiesInterceptor.class.getName() + ".authorities";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.map((authentication) -> Set.copyOf(AuthorityUtils.authorityListToSet(authentication.getAuthorities())))
			.defaultIfEmpty(Set.of())
			.flatMap((authorities) -> {
				request.configureExecutionInput((input, builder) -> {
					input.getGraphQLContext().put(KEY, authorities);
					return input;
				});
				return chain.next(request);
			});
	}

	/**
	 * The authorities of the caller of a GraphQL request.
	 * @param context the request's GraphQL context
	 * @return the authority names; none for anonymous callers, or when this interceptor
	 * did not run
	 */
	static Set<String> authoritiesOf(GraphQLContext context) {
		return context.getOrDefault(KEY, Set.of());
	}

}
