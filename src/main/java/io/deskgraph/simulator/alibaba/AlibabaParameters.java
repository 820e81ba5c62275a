package io.deskgraph.simulator.alibaba;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.deskgraph.simulator.SimulatorRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * The decoded parameters of one RPC request: those of the query string, then those of an
 * {@code application/x-www-form-urlencoded} body, with typed accessors that answer
 * Alibaba's validation errors.
 *
 * @author DeskGraph
 */
final class AlibabaParameters {

	private static final String FORM = "application/x-www-form-urlencoded";

	private final Map<String, String> values;

	private AlibabaParameters(Map<String, String> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	/**
	 * Decodes the parameters of a request; a name given twice keeps its first value.
	 * @param request the request
	 * @return the parameters
	 * @throws AlibabaApiException with {@code InvalidParameter} for bad percent-encoding
	 */
	static AlibabaParameters of(SimulatorRequest request) {
		Map<String, String> values = new LinkedHashMap<>();
		decode(request.rawQuery(), values);
		String contentType = request.headers().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && contentType.toLowerCase().startsWith(FORM) && request.body().length > 0) {
			decode(new String(request.body(), StandardCharsets.UTF_8), values);
		}
		return new AlibabaParameters(values);
	}

	/**
	 * Returns every parameter.
	 * @return names mapped to decoded values, in the order received
	 */
	Map<String, String> all() {
		return this.values;
	}

	/**
	 * Returns a parameter, treating an empty value as absent.
	 * @param name the parameter name
	 * @return the value, or {@code null}
	 */
	@Nullable
	String get(String name) {
		String value = this.values.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * Returns an integer parameter within bounds.
	 * @param name the parameter name
	 * @param defaultValue the value when the parameter is absent
	 * @param min the smallest allowed value
	 * @param max the largest allowed value
	 * @return the value
	 * @throws AlibabaApiException with {@code InvalidParameter.<name>} when it is not an
	 * integer in range
	 */
	int integer(String name, int defaultValue, int min, int max) {
		String value = get(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value.trim());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw AlibabaApiException.invalidParameter(name, "The specified parameter " + name
				+ " is not valid: it must be an integer from " + min + " to " + max + ".");
	}

	/**
	 * Returns a repeated parameter flattened the RPC way ({@code Name.1}, {@code Name.2},
	 * …), ordered by index; a plain {@code Name} counts as one more value.
	 * @param name the parameter name without index
	 * @param max the most values allowed
	 * @return the values, empty when none were sent
	 * @throws AlibabaApiException with {@code InvalidParameter.<name>} when there are too
	 * many
	 */
	List<String> list(String name, int max) {
		Pattern indexed = Pattern.compile(Pattern.quote(name) + "\\.([1-9][0-9]{0,3})");
		Map<Integer, String> byIndex = new TreeMap<>();
		this.values.forEach((key, value) -> {
			Matcher matcher = indexed.matcher(key);
			if (matcher.matches() && !value.isEmpty()) {
				byIndex.put(Integer.parseInt(matcher.group(1)), value);
			}
		});
		List<String> list = new ArrayList<>(byIndex.values());
		String plain = get(name);
		if (plain != null) {
			list.add(plain);
		}
		if (list.size() > max) {
			throw AlibabaApiException.invalidParameter(name, "The specified parameter " + name
					+ " is not valid: at most " + max + " values are allowed, " + list.size() + " were given.");
		}
		return list;
	}

	private static void decode(@Nullable String encoded, Map<String, String> into) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			try {
				into.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				throw AlibabaApiException.of(400, "InvalidParameter",
						"The request parameters are not valid percent-encoding: " + pair);
			}
		}
	}

}
