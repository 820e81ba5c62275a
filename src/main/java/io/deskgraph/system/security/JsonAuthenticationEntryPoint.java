package io.deskgraph.system.security;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request without valid credentials with HTTP 401, a {@code WWW-Authenticate}
 * challenge per accepted scheme and a JSON body that never echoes what was sent.
 *
 * @author DeskGraph
 */
final class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final List<String> challenges;

	JsonAuthenticationEntryPoint(boolean apiKeys, boolean bearer) {
		List<String> challenges = new ArrayList<>();
		if (apiKeys || !bearer) {
			challenges.add("ApiKey realm=\"deskgraph\", header=\"" + ApiKeyAuthenticator.HEADER + "\"");
		}
		if (bearer) {
			challenges.add("Bearer realm=\"deskgraph\"");
		}
		this.challenges = List.copyOf(challenges);
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().put(HttpHeaders.WWW_AUTHENTICATE, this.challenges);
		return JsonErrors.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", message(ex));
	}

	private static String message(AuthenticationException ex) {
		if (ex instanceof BadCredentialsException && !(ex.getCause() instanceof OAuth2AuthenticationException)) {
			return "Invalid credentials";
		}
		if (ex instanceof OAuth2AuthenticationException || ex.getCause() instanceof OAuth2AuthenticationException) {
			return "Invalid bearer token";
		}
		return "Authentication required: send an API key in the " + ApiKeyAuthenticator.HEADER
				+ " header or an OAuth2 bearer token";
	}

}
