package io.deskgraph.system;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain socket speaking just enough HTTP/1.1 to send what well-behaved clients never
 * send: bodies that stall, stop half way or never end.
 *
 * @author DeskGraph
 */
public final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	private RawHttp(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = new BufferedInputStream(socket.getInputStream());
	}

	/**
	 * Connects to the server on localhost.
	 * @param port the server's port
	 * @return the connection
	 * @throws IOException if it cannot connect
	 */
	public static RawHttp connect(int port) throws IOException {
		return new RawHttp(new Socket("localhost", port));
	}

	/**
	 * Sends bytes as they are.
	 * @param text the bytes, as ISO-8859-1 text
	 * @return this connection
	 * @throws IOException if the server closed the connection
	 */
	public RawHttp send(String text) throws IOException {
		this.out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		this.out.flush();
		return this;
	}

	/**
	 * Reads one response: status line, headers and a {@code Content-Length} body.
	 * @param within the longest to wait for it
	 * @return the response
	 * @throws IOException if none arrives in time or the connection ends before it
	 */
	public Response read(Duration within) throws IOException {
		long deadline = System.nanoTime() + within.toNanos();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int b = readByte(deadline);
			if (b < 0) {
				throw new IOException("Connection closed after " + head.size() + " bytes of response");
			}
			head.write(b);
		}
		String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).trim());
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		byte[] body = new byte[length];
		for (int i = 0; i < length; i++) {
			int b = readByte(deadline);
			if (b < 0) {
				throw new IOException("Connection closed in the response body");
			}
			body[i] = (byte) b;
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	/**
	 * Waits for the server to close the connection, discarding whatever it sends.
	 * @param within the longest to wait
	 * @return whether the server closed or reset the connection in time
	 */
	public boolean closedWithin(Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		try {
			while (readByte(deadline) >= 0) {
				// Skip a response sent before closing.
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (SocketException ex) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private int readByte(long deadline) throws IOException {
		long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
		if (remaining <= 0) {
			throw new SocketTimeoutException("No answer in time");
		}
		this.socket.setSoTimeout((int) remaining);
		return this.in.read();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * One HTTP response.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body as UTF-8 text
	 */
	public record Response(int status, Map<String, String> headers, String body) {

	}

}
