package io.deskgraph.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * One HTTP answer of a simulator.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body bytes
 * @author DeskGraph
 */
public record SimulatorResponse(int status, HttpHeaders headers, byte[] body) {

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
		return new SimulatorResponse(this.status, copy, this.body);
	}

}
