package io.deskgraph.connector.alibaba;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.lang.Nullable;

/**
 * Converts between DeskGraph's time values and the text forms the Alibaba Cloud APIs send
 * and expect.
 *
 * @author DeskGraph
 */
final class AlibabaFormats {

	/** {@code x-acs-date}: UTC extended ISO-8601 to the second. */
	static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private AlibabaFormats() {
	}

	/**
	 * Parses an instant the way Alibaba writes them: {@code 2026-08-06T08:28Z} (no
	 * seconds, the usual ECD form), with seconds and fractions, with an offset, or with
	 * no offset at all (taken as UTC).
	 * @param text the text, or {@code null}
	 * @return the instant, or {@code null} when absent or not understood
	 */
	@Nullable
	static Instant parseInstant(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		try {
			return OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try without an offset
		}
		try {
			return LocalDateTime.parse(trimmed.replace(' ', 'T'), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
