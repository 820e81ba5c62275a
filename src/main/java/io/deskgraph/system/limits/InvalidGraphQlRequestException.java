package io.deskgraph.system.limits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signals an HTTP request to the GraphQL endpoint that is not a GraphQL request the
 * gateway accepts; its reason is written for the client as it is.
 *
 * @author DeskGraph
 */
class InvalidGraphQlRequestException extends ResponseStatusException {

	private final HttpHeaders headers;

	InvalidGraphQlRequestException(HttpStatus status, String reason) {
		this(status, reason, HttpHeaders.EMPTY);
	}

	InvalidGraphQlRequestException(HttpStatus status, String reason, HttpHeaders headers) {
		super(status, reason);
		this.headers = headers;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// A client mistake, answered and logged in one line: no stack trace to collect.
		return this;
	}

}
