package io.deskgraph.system;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures the log events of every thread on the root logger while a test runs, for
 * assertions on what a request logged.
 *
 * @author DeskGraph
 */
public final class LogEvents implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogEvents() {
		this.appender.setContext(this.root.getLoggerContext());
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	/**
	 * Starts capturing.
	 * @return the capture; close it to stop
	 */
	public static LogEvents capture() {
		return new LogEvents();
	}

	/**
	 * The events captured so far.
	 * @return a copy of the events
	 */
	public List<ILoggingEvent> all() {
		// Netty threads append while the test reads.
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	/**
	 * The events captured so far at ERROR or carrying a throwable.
	 * @return the events a request should never cause
	 */
	public List<ILoggingEvent> errorsOrStackTraces() {
		return all().stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)
			.toList();
	}

	/**
	 * The events captured so far of one logger.
	 * @param type the class the logger is named after
	 * @return its events
	 */
	public List<ILoggingEvent> of(Class<?> type) {
		return all().stream().filter((event) -> event.getLoggerName().equals(type.getName())).toList();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
