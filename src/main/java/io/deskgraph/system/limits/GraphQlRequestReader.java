package io.deskgraph.system.limits;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the body of a GraphQL over HTTP request so that an empty, {@code null}, batched,
 * unparseable or incomplete body fails with HTTP 400 and a message naming what is
 * missing, instead of an empty HTTP 200 or a Java exception message.
 *
 * @author DeskGraph
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class GraphQlRequestReader {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String SEND = "send a JSON object with the GraphQL document as a \"query\" string, "
			+ "e.g. {\"query\": \"{ accounts { id } }\"}";

	private final ObjectMapper objectMapper;

	private final ObjectReader reader;

	private final int maxBytes;

	GraphQlRequestReader(ObjectMapper objectMapper, LimitsProperties properties) {
		this.objectMapper = objectMapper;
		this.reader = objectMapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.maxBytes = (int) Math.min(properties.maxRequestBytes().toBytes(), Integer.MAX_VALUE);
	}

	/**
	 * Reads a request's body into a GraphQL request.
	 * @param request the HTTP request
	 * @return the GraphQL request, or an {@link InvalidGraphQlRequestException}
	 */
	Mono<WebGraphQlRequest> read(ServerRequest request) {
		// RequestSizeFilter has already bounded the body; joining it is bounded again
		// here so that nothing buffers more whatever the filter order.
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), this.maxBytes)
			.map(GraphQlRequestReader::bytes)
			.defaultIfEmpty(new byte[0])
			.map((bytes) -> new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), request.cookies(),
					request.remoteAddress().orElse(null), request.attributes(), parse(bytes),
					request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale()));
	}

	private SerializableGraphQlRequest parse(byte[] bytes) {
		JsonNode body;
		try {
			body = (bytes.length > 0) ? this.reader.readTree(bytes) : null;
		}
		catch (JsonProcessingException ex) {
			JsonLocation location = ex.getLocation();
			throw invalid("Request body is not valid JSON"
					+ ((location != null)
							? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "")
					+ ": " + SEND);
		}
		catch (IOException ex) {
			throw invalid("Request body could not be read: " + SEND);
		}
		if (body == null || body.isMissingNode()) {
			throw invalid("Request body is empty: " + SEND);
		}
		if (body.isNull()) {
			throw invalid("Request body is JSON null: " + SEND);
		}
		if (body.isArray()) {
			throw invalid("Batched requests (a JSON array) are not supported: send one JSON object with a "
					+ "\"query\" string per request");
		}
		if (!body.isObject()) {
			throw invalid("Request body is a JSON " + kind(body) + ", not an object: " + SEND);
		}
		SerializableGraphQlRequest request = new SerializableGraphQlRequest();
		request.setOperationName(text(body, "operationName"));
		Map<String, Object> extensions = object(body, "extensions");
		if (extensions != null) {
			request.setExtensions(extensions);
		}
		Map<String, Object> variables = object(body, "variables");
		if (variables != null) {
			request.setVariables(variables);
		}
		String query = text(body, "query");
		boolean persisted = extensions != null && extensions.get("persistedQuery") != null;
		if (query == null && !persisted) {
			throw invalid("Request body has no \"query\": " + SEND
					+ " (or an Apollo persisted-query hash in extensions.persistedQuery)");
		}
		if (query != null && query.isBlank() && !persisted) {
			throw invalid("\"query\" is empty: " + SEND);
		}
		if (query != null) {
			request.setQuery(query);
		}
		return request;
	}

	@Nullable
	private static String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw invalid("\"" + field + "\" must be a string, not a JSON " + kind(value));
		}
		return value.textValue();
	}

	@Nullable
	private Map<String, Object> object(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw invalid("\"" + field + "\" must be a JSON object, not a JSON " + kind(value));
		}
		return this.objectMapper.convertValue(value, MAP);
	}

	private static String kind(JsonNode value) {
		return value.getNodeType().name().toLowerCase(Locale.ROOT);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static InvalidGraphQlRequestException invalid(String message) {
		return new InvalidGraphQlRequestException(HttpStatus.BAD_REQUEST, message);
	}

}
