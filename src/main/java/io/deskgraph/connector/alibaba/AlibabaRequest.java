package io.deskgraph.connector.alibaba;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.lang.Nullable;

/**
 * One RPC call of an Alibaba Cloud ECD action, fully resolved: the action and the URI
 * with every parameter in its query string, encoded exactly as signed and sent; equal
 * calls are equal records.
 *
 * @param action the action, for example {@code DescribeDesktops}, sent as
 * {@code x-acs-action}
 * @param uri the absolute URI of {@code POST /}, already percent-encoded
 * @author DeskGraph
 */
record AlibabaRequest(String action, URI uri) {

	/**
	 * Starts a request of an action at an endpoint.
	 * @param endpoint the endpoint, for example
	 * {@code https://ecd.cn-shanghai.aliyuncs.com}
	 * @param action the action
	 * @return the builder
	 */
	static Builder of(URI endpoint, String action) {
		return new Builder(endpoint, action);
	}

	/**
	 * Builds the query string from raw parameters, encoded with
	 * {@link AlibabaSigner#percentEncode}; {@code null} values are left out and lists
	 * become {@code Name.1}, {@code Name.2}, … as the SDKs flatten them.
	 */
	static final class Builder {

		private final URI endpoint;

		private final String action;

		private final List<String> query = new ArrayList<>();

		private Builder(URI endpoint, String action) {
			this.endpoint = endpoint;
			this.action = action;
		}

		Builder param(String name, @Nullable Object value) {
			if (value != null) {
				this.query.add(AlibabaSigner.percentEncode(name) + "=" + AlibabaSigner.percentEncode(value.toString()));
			}
			return this;
		}

		Builder list(String name, List<?> values) {
			for (int i = 0; i < values.size(); i++) {
				param(name + "." + (i + 1), values.get(i));
			}
			return this;
		}

		AlibabaRequest build() {
			String base = this.endpoint.toString();
			while (base.endsWith("/")) {
				base = base.substring(0, base.length() - 1);
			}
			String uri = base + "/" + (this.query.isEmpty() ? "" : "?" + String.join("&", this.query));
			return new AlibabaRequest(this.action, URI.create(uri));
		}

	}

}
