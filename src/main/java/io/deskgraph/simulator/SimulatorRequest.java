package io.deskgraph.simulator;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * One HTTP request as a simulator received it, with the path and query still
 * percent-encoded as on the wire (signatures are computed over those).
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as sent, percent-encoded
 * @param rawQuery the query string as sent (without {@code ?}), or {@code null}
 * @param headers the request headers (case-insensitive names)
 * @param body the whole body, de-chunked; empty when there is none
 * @author DeskGraph
 */
public record SimulatorRequest(String method, String rawPath, @Nullable String rawQuery, HttpHeaders headers,
		byte[] body) {

	/**
	 * Splits a request target into path and query.
	 * @param method the HTTP method
	 * @param uri the request target, e.g. {@code /v2/p/statistics?desktop_type=POOLED}
	 * @param headers the request headers
	 * @param body the body
	 * @return the request
	 */
	public static SimulatorRequest of(String method, String uri, HttpHeaders headers, byte[] body) {
		int question = uri.indexOf('?');
		String path = (question < 0) ? uri : uri.substring(0, question);
		String query = (question < 0) ? null : uri.substring(question + 1);
		return new SimulatorRequest(method.toUpperCase(), path.isEmpty() ? "/" : path, query, headers, body);
	}

}
