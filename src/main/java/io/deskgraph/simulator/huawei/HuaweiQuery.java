package io.deskgraph.simulator.huawei;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * The query parameters of one request, with typed, range-checked accessors that fail with
 * the gateway's {@code APIGW.0201} error naming the parameter.
 *
 * @author DeskGraph
 */
final class HuaweiQuery {

	private final Map<String, List<String>> parameters;

	private HuaweiQuery(Map<String, List<String>> parameters) {
		this.parameters = parameters;
	}

	/**
	 * Parses a raw query string; repeated keys keep all their values in order.
	 * @param rawQuery the query as sent, or {@code null}
	 * @return the parameters
	 */
	static HuaweiQuery parse(@Nullable String rawQuery) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String key = decode((eq < 0) ? pair : pair.substring(0, eq), pair);
				String value = decode((eq < 0) ? "" : pair.substring(eq + 1), key);
				parameters.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
			}
		}
		return new HuaweiQuery(parameters);
	}

	/**
	 * Returns every value of an array parameter, sent as repeated keys (comma-separated
	 * values are split too); empty values are skipped.
	 */
	List<String> list(String name) {
		List<String> values = new ArrayList<>();
		for (String value : this.parameters.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					values.add(part.trim());
				}
			}
		}
		return values;
	}

	/** Returns the first value of a parameter, {@code null} if absent or empty. */
	@Nullable
	String string(String name) {
		List<String> values = this.parameters.get(name);
		if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
			return null;
		}
		return values.get(0);
	}

	@Nullable
	String string(String name, int minLength, int maxLength) {
		String value = string(name);
		if (value != null && (value.length() < minLength || value.length() > maxLength)) {
			throw HuaweiApiException.invalidParameter(name,
					"length must be between " + minLength + " and " + maxLength + " characters");
		}
		return value;
	}

	String requiredString(String name, int minLength, int maxLength) {
		String value = string(name, minLength, maxLength);
		if (value == null) {
			throw HuaweiApiException.invalidParameter(name, "the parameter is required");
		}
		return value;
	}

	@Nullable
	Integer integer(String name, int min, int max) {
		String value = string(name);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				throw HuaweiApiException.invalidParameter(name,
						"must be between " + min + " and " + max + " (got " + number + ")");
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw HuaweiApiException.invalidParameter(name, "must be an integer (got '" + value + "')");
		}
	}

	int integer(String name, int min, int max, int defaultValue) {
		Integer value = integer(name, min, max);
		return (value != null) ? value : defaultValue;
	}

	@Nullable
	Boolean bool(String name) {
		String value = string(name);
		if (value == null) {
			return null;
		}
		if (!value.equals("true") && !value.equals("false")) {
			throw HuaweiApiException.invalidParameter(name, "must be true or false (got '" + value + "')");
		}
		return Boolean.valueOf(value);
	}

	/** Returns an enumerated value, checked against the allowed ones (case-sensitive). */
	@Nullable
	String oneOf(String name, List<String> allowed) {
		String value = string(name);
		if (value != null) {
			checkOneOf(name, value, allowed);
		}
		return value;
	}

	static void checkOneOf(String name, String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			throw HuaweiApiException.invalidParameter(name,
					"must be one of " + String.join(", ", allowed) + " (got '" + value + "')");
		}
	}

	/**
	 * Returns a UTC time parameter such as {@code 2024-01-01T00:00:00Z}, with or without
	 * milliseconds ({@code 2024-01-01T00:00:00.000Z}); an explicit offset is accepted
	 * too.
	 */
	@Nullable
	Instant time(String name, int minLength, int maxLength) {
		String value = string(name, minLength, maxLength);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException again) {
				throw HuaweiApiException.invalidParameter(name,
						"must be a UTC time like 2024-01-01T00:00:00Z or 2024-01-01T00:00:00.000Z (got '" + value
								+ "')");
			}
		}
	}

	Instant requiredTime(String name, int minLength, int maxLength) {
		Instant value = time(name, minLength, maxLength);
		if (value == null) {
			throw HuaweiApiException.invalidParameter(name, "the parameter is required");
		}
		return value;
	}

	private static String decode(String raw, String context) {
		try {
			return URLDecoder.decode(raw, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw HuaweiApiException.invalidParameter(context, "is not correctly percent-encoded");
		}
	}

}
