package io.deskgraph.connector.huawei;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.lang.Nullable;

/**
 * One call of a Huawei Workspace API, fully resolved: the operation name, the method, the
 * encoded URI exactly as signed and sent, and the JSON body; equal calls are equal
 * records.
 *
 * @param operation the vendor operation name, for example {@code ListUsedDesktopInfo}
 * @param method the HTTP method
 * @param uri the absolute URI, already percent-encoded
 * @param body the JSON body, or {@code null}
 * @author DeskGraph
 */
record HuaweiRequest(String operation, HttpMethod method, URI uri, @Nullable String body) {

	/**
	 * The exact body bytes that are sent and hashed.
	 * @return the UTF-8 bytes, or {@code null} without a body
	 */
	@Nullable
	byte[] bodyBytes() {
		return (this.body != null) ? this.body.getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * Starts a URI below an endpoint; each path segment and query pair is encoded the way
	 * the canonical request encodes it, so nothing changes between signing and sending.
	 * @param endpoint the endpoint, for example
	 * {@code https://workspace.cn-north-4.myhuaweicloud.com}
	 * @param segments the raw path segments
	 * @return the builder
	 */
	static UriBuilder uri(URI endpoint, String... segments) {
		return new UriBuilder(endpoint, segments);
	}

	/**
	 * Builds an encoded URI from raw path segments and query pairs; {@code null} values
	 * are left out and lists become repeated keys.
	 */
	static final class UriBuilder {

		private final StringBuilder uri;

		private final List<String> query = new ArrayList<>();

		private UriBuilder(URI endpoint, String... segments) {
			String base = endpoint.toString();
			while (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			this.uri = new StringBuilder(base);
			for (String segment : segments) {
				this.uri.append('/').append(HuaweiSigner.encode(segment));
			}
		}

		UriBuilder param(String name, @Nullable Object value) {
			if (value != null) {
				this.query.add(HuaweiSigner.encode(name) + "=" + HuaweiSigner.encode(value.toString()));
			}
			return this;
		}

		UriBuilder params(String name, List<?> values) {
			values.forEach((value) -> param(name, value));
			return this;
		}

		URI build() {
			return URI
				.create(this.query.isEmpty() ? this.uri.toString() : this.uri + "?" + String.join("&", this.query));
		}

	}

}
