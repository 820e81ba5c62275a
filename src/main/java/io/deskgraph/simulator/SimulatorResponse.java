package io.deskgraph.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;

/**
 * One HTTP answer of a simulator: a body in memory, or a file streamed in chunks.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body bytes (empty for a streamed answer)
 * @param stream the chunks of a streamed body, sent without {@code Content-Length}; or
 * {@code null}
 * @author DeskGraph
 */
public record SimulatorResponse(int status, HttpHeaders headers, byte[] body, @Nullable Flux<byte[]> stream) {

	/**
	 * Creates an answer with its body in memory.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param body the body bytes
	 */
	public SimulatorResponse(int status, HttpHeaders headers, byte[] body) {
		this(status, headers, body, null);
	}

	/**
	 * Creates an answer whose body is produced chunk by chunk as it is sent, so that a
	 * large file never sits in memory whole.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param chunks the body's chunks, produced on subscription
	 * @return the response
	 */
	public static SimulatorResponse streamed(int status, HttpHeaders headers, Flux<byte[]> chunks) {
		return new SimulatorResponse(status, headers, new byte[0], chunks);
	}

	/** Media type of every JSON answer. */
	public static final String JSON = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

	/**
	 * Creates a JSON answer.
	 * @param status the HTTP status code
	 * @param json the JSON body
	 * @return the response
	 */
	public static SimulatorResponse json(int status, byte[] json) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, JSON);
		return new SimulatorResponse(status, headers, json);
	}

	/**
	 * Creates a JSON answer.
	 * @param status the HTTP status code
	 * @param json the JSON body
	 * @return the response
	 */
	public static SimulatorResponse json(int status, String json) {
		return json(status, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Creates a JSON answer from a body written the way a vendor writes JSON.
	 * @param status the HTTP status code
	 * @param body the body
	 * @param mapper the vendor's JSON conventions (property naming, null handling)
	 * @return the response
	 * @throws IllegalStateException if the body cannot be written as JSON
	 */
	public static SimulatorResponse json(int status, Object body, ObjectMapper mapper) {
		try {
			return json(status, mapper.writeValueAsBytes(body));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the answer as JSON", ex);
		}
	}

	/**
	 * Returns this answer with its body cut in half, so it is no longer valid JSON.
	 * @return the truncated response
	 */
	public SimulatorResponse truncated() {
		if (this.stream != null) {
			// A streamed answer ends after half its first chunk.
			return new SimulatorResponse(this.status, this.headers, this.body,
					this.stream.take(1).map((chunk) -> Arrays.copyOf(chunk, chunk.length / 2)));
		}
		return new SimulatorResponse(this.status, this.headers, Arrays.copyOf(this.body, this.body.length / 2));
	}

	/**
	 * Returns this answer with one more header.
	 * @param name the header name
	 * @param value the header value
	 * @return the response
	 */
	public SimulatorResponse withHeader(String name, String value) {
		HttpHeaders copy = new HttpHeaders();
		copy.putAll(this.headers);
		copy.set(name, value);
		return new SimulatorResponse(this.status, copy, this.body, this.stream);
	}

}
