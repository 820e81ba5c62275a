package io.deskgraph.connector.shared;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.deskgraph.testsupport.DebianPackage;

/**
 * A real Debian {@code redis-server} process on a free loopback port, installed from
 * Debian once per JVM when it is missing, for tests of the shared tier.
 *
 * @author DeskGraph
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(50);

	/** Servers still running, stopped when the JVM exits so no test leaves one behind. */
	private static final Set<RedisServer> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(RedisServer::kill), "redis-server-cleanup"));
	}

	private final Path executable;

	private final int port;

	private final Path directory;

	private Process process;

	private RedisServer(Path executable, int port, Path directory) {
		this.executable = executable;
		this.port = port;
		this.directory = directory;
	}

	/**
	 * Starts a server on a free loopback port without persistence and waits until it
	 * answers {@code PING}, installing Debian's {@code redis-server} first when it is
	 * missing.
	 * @return the running server
	 * @throws IllegalStateException when the server cannot be installed or does not
	 * answer within 10 seconds
	 */
	public static RedisServer start() {
		Path executable = executable();
		Path directory;
		try {
			directory = Files.createTempDirectory("deskgraph-redis-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		IllegalStateException last = null;
		// A free port found now can be taken by another process before the server binds
		// it: a server that exits at once is given another port, a few times.
		for (int attempt = 0; attempt < 3; attempt++) {
			RedisServer server = new RedisServer(executable, freePort(), directory);
			try {
				server.launch();
				return server;
			}
			catch (IllegalStateException ex) {
				last = ex;
			}
		}
		deleteQuietly(directory);
		throw last;
	}

	/**
	 * The loopback port the server listens on, the same across {@link #restart()}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The URL for {@code spring.data.redis.url}.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Whether the server process is alive.
	 * @return {@code true} between a start and a stop
	 */
	public synchronized boolean running() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Stops the server (SIGTERM, SIGKILL if it lingers), waits for the process to exit
	 * and for its port to be free; does nothing when it is not running.
	 */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		kill();
		this.process = null;
		RUNNING.remove(this);
		long giveUp = System.nanoTime() + STOP_TIMEOUT.toNanos();
		while (!portFree(this.port)) {
			if (System.nanoTime() > giveUp) {
				throw new IllegalStateException("port " + this.port + " still taken " + STOP_TIMEOUT.toSeconds()
						+ " s after redis-server exited");
			}
			pause();
		}
	}

	/**
	 * Starts the server again on the same port, empty (nothing is persisted), stopping it
	 * first if it runs.
	 * @throws IllegalStateException when it does not answer within 10 seconds, for
	 * example because another process took the port meanwhile
	 */
	public synchronized void restart() {
		stop();
		launch();
	}

	/**
	 * Removes every key of every database.
	 */
	public void flushAll() {
		Object reply = command("FLUSHALL");
		if (!"OK".equals(reply)) {
			throw new IllegalStateException("FLUSHALL answered " + reply);
		}
	}

	/**
	 * Sends one command over a new connection and reads its reply.
	 * @param arguments the command and its arguments, e.g. {@code "DBSIZE"} or
	 * {@code "GET", "key"}
	 * @return a simple or bulk string as {@link String}, an integer as {@link Long}, an
	 * array as a {@link List}, a null bulk string or array as {@code null}
	 * @throws IllegalStateException when the server answers an error
	 * @throws UncheckedIOException when it cannot be reached
	 */
	public Object command(String... arguments) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
			socket.setSoTimeout(5000);
			return send(socket, arguments);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server on port " + this.port + " did not answer", ex);
		}
	}

	/**
	 * Stops the server and removes its working directory.
	 */
	@Override
	public void close() {
		stop();
		deleteQuietly(this.directory);
	}

	@Override
	public String toString() {
		return "redis-server on " + url();
	}

	private synchronized void launch() {
		Path log = this.directory.resolve("redis-" + this.port + ".log");
		ProcessBuilder builder = new ProcessBuilder(this.executable.toString(), "--port", String.valueOf(this.port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir",
				this.directory.toString())
			.redirectErrorStream(true)
			// To a file, not a pipe nobody reads, so the server never blocks on its own
			// log.
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + this.executable, ex);
		}
		RUNNING.add(this);
		long giveUp = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!answersPing()) {
			if (!this.process.isAlive() || System.nanoTime() > giveUp) {
				String why = this.process.isAlive() ? "did not answer PING within " + START_TIMEOUT.toSeconds() + " s"
						: "exited with status " + this.process.exitValue();
				kill();
				this.process = null;
				RUNNING.remove(this);
				throw new IllegalStateException(
						"redis-server on port " + this.port + " " + why + "; its log:\n" + tail(log));
			}
			pause();
		}
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			socket.setSoTimeout(1000);
			return "PONG".equals(send(socket, "PING"));
		}
		catch (IOException | IllegalStateException ex) {
			// Not listening yet, or still loading: asked again until the start timeout.
			return false;
		}
	}

	private synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(5, TimeUnit.SECONDS)) {
				running.destroyForcibly();
				running.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	// ---- the RESP client: just enough of the protocol for commands and their replies

	private static Object send(Socket socket, String... arguments) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		for (String argument : arguments) {
			byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
			request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			request.writeBytes(bytes);
			request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		OutputStream out = socket.getOutputStream();
		out.write(request.toByteArray());
		out.flush();
		return read(new BufferedInputStream(socket.getInputStream()));
	}

	private static Object read(InputStream in) throws IOException {
		int type = in.read();
		if (type == -1) {
			throw new IOException("connection closed before a reply");
		}
		String line = line(in);
		switch (type) {
			case '+':
				return line;
			case '-':
				throw new IllegalStateException("redis-server answered an error: " + line);
			case ':':
				return Long.parseLong(line);
			case '$': {
				int length = Integer.parseInt(line);
				if (length < 0) {
					return null;
				}
				byte[] bytes = in.readNBytes(length + 2);
				if (bytes.length != length + 2) {
					throw new IOException("connection closed within a reply");
				}
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			case '*': {
				int count = Integer.parseInt(line);
				if (count < 0) {
					return null;
				}
				List<Object> items = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					items.add(read(in));
				}
				return items;
			}
			default:
				throw new IOException("not a RESP reply: " + (char) type + line);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		for (int next = in.read(); next != -1; next = in.read()) {
			if (previous == '\r' && next == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
			}
			line.write(next);
			previous = next;
		}
		throw new IOException("connection closed within a reply");
	}

	// ---- finding, or installing, the executable

	static Path executable() {
		return DebianPackage
			.require("the shared-tier tests (a real Redis server)", List.of("redis-server"), "redis-server")
			.get(0);
	}

	// ---- helpers

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean portFree(int port) {
		// Bound the way redis-server binds it (SO_REUSEADDR), so connections of the
		// stopped
		// server lingering in TIME_WAIT do not count as taking the port.
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for redis-server", ex);
		}
	}

	private static String tail(Path log) {
		try {
			return lastLines(Files.readString(log, StandardCharsets.UTF_8), 20);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static String lastLines(String text, int count) {
		List<String> lines = text.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind costs nothing worth failing a test for.
		}
	}

}
