package io.deskgraph.connector.huawei;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

import org.springframework.lang.Nullable;

/**
 * Converts between DeskGraph's time and duration values and the text forms the Huawei
 * Workspace APIs send and expect.
 *
 * @author DeskGraph
 */
final class HuaweiFormats {

	/** {@code X-Sdk-Date}: UTC basic ISO-8601. */
	static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** ListUnusedDesktops {@code start_time} / {@code end_time}. */
	static final DateTimeFormatter MILLIS_INSTANT = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** Metric APIs' {@code start_time} / {@code end_time}: whole seconds in UTC. */
	private static final DateTimeFormatter METRIC_TIME = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	// Huawei writes offsets both as 'Z' and as '+0000'; the patterns below accept both.
	private static final List<DateTimeFormatter> LENIENT_INSTANTS = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd'T'HH:mm:ss")
				.optionalStart()
				.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
				.optionalEnd()
				.appendOffset("+HHMM", "Z")
				.toFormatter(Locale.ROOT),
			new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd['T'][' ']HH:mm:ss")
				.optionalStart()
				.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
				.optionalEnd()
				.toFormatter(Locale.ROOT));

	private static final DateTimeFormatter HOUR_BUCKET = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
		.appendLiteral(' ')
		.appendPattern("HH")
		.optionalStart()
		.appendPattern(":mm")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private HuaweiFormats() {
	}

	/**
	 * Metric APIs' {@code start_time}: the first moment of the window, in UTC.
	 * @param start where the first day starts in the account's day zone
	 * @return for example {@code 2026-11-01T00:00:00Z}, or {@code 2026-10-31T16:00:00Z}
	 * for a day of Asia/Shanghai
	 */
	static String metricStart(Instant start) {
		return METRIC_TIME.format(start);
	}

	/**
	 * Metric APIs' {@code end_time}: the last second of the window, in UTC, which is when
	 * the vendor stamps the aggregate of the window's last day (23:59:59 of that day).
	 * @param end where the day after the window starts in the account's day zone
	 * @return for example {@code 2026-11-30T23:59:59Z}
	 */
	static String metricEnd(Instant end) {
		return METRIC_TIME.format(end.minusSeconds(1));
	}

	/**
	 * Converts a {@code use_time} in hours to whole seconds.
	 * @param hours the hours, or {@code null}
	 * @return the seconds, rounded half up; 0 for {@code null}
	 */
	static long hoursToSeconds(@Nullable BigDecimal hours) {
		return (hours != null) ? hours.multiply(SECONDS_PER_HOUR).setScale(0, RoundingMode.HALF_UP).longValue() : 0;
	}

	/**
	 * Converts a metric value in seconds to whole seconds.
	 * @param seconds the value, or {@code null}
	 * @return the rounded seconds; 0 for {@code null}
	 */
	static long seconds(@Nullable Double seconds) {
		return (seconds != null && Double.isFinite(seconds)) ? Math.round(seconds) : 0;
	}

	/**
	 * Parses an instant the way Huawei writes them: {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z},
	 * an offset as {@code +0000} or {@code +00:00}, or no offset at all (taken as UTC).
	 * @param text the text, or {@code null}
	 * @return the instant, or {@code null} when absent or not understood
	 */
	@Nullable
	static Instant parseInstant(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		for (DateTimeFormatter formatter : LENIENT_INSTANTS) {
			try {
				TemporalAccessor parsed = formatter.parse(trimmed);
				if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
					return OffsetDateTime.from(parsed).toInstant();
				}
				return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		return null;
	}

	/**
	 * Parses the {@code date} of a ListUsedDesktopInfo bucket: {@code yyyy-MM-dd} for
	 * days; for hours {@code yyyy-MM-dd HH:00}, {@code yyyy-MM-dd HH} or an ISO instant
	 * ({@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}). A day or hour without a zone is the vendor's
	 * own, which the account's day zone says; an instant is moved into that zone.
	 * @param text the bucket text
	 * @param zone the account's day zone
	 * @return the day and, when the text names one, the hour
	 * @throws IllegalArgumentException if the text is none of these forms
	 */
	static Bucket parseBucket(String text, ZoneId zone) {
		String trimmed = text.trim();
		if (trimmed.length() == 10) {
			try {
				return new Bucket(LocalDate.parse(trimmed), null);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("unreadable usage date '" + text + "'", ex);
			}
		}
		try {
			LocalDateTime hour = LocalDateTime.parse(trimmed, HOUR_BUCKET);
			return new Bucket(hour.toLocalDate(), hour.getHour());
		}
		catch (DateTimeParseException ex) {
			Instant instant = parseInstant(trimmed);
			if (instant == null) {
				throw new IllegalArgumentException("unreadable usage date '" + text + "'", ex);
			}
			LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
			return new Bucket(local.toLocalDate(), local.getHour());
		}
	}

	/**
	 * A usage bucket: a day of the account's zone and, for hourly buckets, the hour.
	 *
	 * @param date the day
	 * @param hour the hour, or {@code null}
	 */
	record Bucket(LocalDate date, @Nullable Integer hour) {

	}

}
