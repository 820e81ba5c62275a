package io.deskgraph.simulator.huawei;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.lang.Nullable;

/**
 * Answers the deprecated usage reports ListUnusedDesktops ({@code GET
 * /v2/{project_id}/desktops/statistics/unused}) and ListUsedDesktopInfo ({@code POST
 * /v2/{project_id}/desktops/statistics/used}) from the estate.
 * <p>
 * ListUsedDesktopInfo lists every desktop that matches {@code desktop_ids} and
 * {@code desktop_username}, ordered by id, whether or not it was used in the window, so
 * that every window of one filter pages over the same desktops; {@code used_info_list}
 * holds only the days (or hours) with usage, {@code use_time} being hours with two
 * decimals sent as a JSON string. The vendor's format for {@code HOUR} grouping is
 * unconfirmed; this simulator answers {@code date} as {@code yyyy-MM-dd HH:00} (in the
 * estate's day zone). The window defaults to 15 days ending today (the current day counts
 * the hours already ended); when only one bound is given the other is 14 days away from
 * it.
 *
 * @author DeskGraph
 */
final class HuaweiUsageReports {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");

	private static final int MAX_USED_DAYS = 31;

	private static final int DEFAULT_USED_DAYS = 15;

	private final HuaweiEstate estate;

	HuaweiUsageReports(HuaweiEstate estate) {
		this.estate = estate;
	}

	UnusedDesktops unused(HuaweiQuery query) {
		int offset = query.integer("offset", 0, 2000, 0);
		int limit = query.integer("limit", 0, 2000, 1000);
		Instant start = query.time("start_time", 10, 32);
		Instant end = query.time("end_time", 10, 32);
		if (start == null && end == null) {
			end = this.estate.clock().instant();
			start = end.minus(Duration.ofDays(1));
		}
		else if (end == null) {
			end = this.estate.clock().instant();
		}
		else if (start == null) {
			start = end.minus(Duration.ofDays(1));
		}
		if (end.isBefore(start)) {
			throw HuaweiApiException.businessRule("end_time must not be earlier than start_time");
		}
		List<UnusedDesktop> unused = new ArrayList<>();
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			if (desktop.createTime().isBefore(end) && !this.estate.usedBetween(desktop.id(), start, end)) {
				String disconnected = this.estate.lastDisconnect(desktop.id(), end).map(TIME::format).orElse(null);
				unused.add(new UnusedDesktop(desktop.id(), desktop.name(), TIME.format(desktop.createTime()),
						disconnected));
			}
		}
		return new UnusedDesktops(unused.size(), page(unused, offset, limit));
	}

	UsedDesktops used(byte[] body, ObjectReader reader) {
		JsonNode request = reader.read(body);
		List<String> desktopIds = stringList(request, "desktop_ids", 2000, 255);
		LocalDate start = date(request, "start_time");
		LocalDate end = date(request, "end_time");
		String groupBy = text(request, "group_by_type", 16);
		if (groupBy == null) {
			groupBy = "DAY";
		}
		HuaweiQuery.checkOneOf("group_by_type", groupBy, List.of("DAY", "HOUR"));
		String userName = text(request, "desktop_username", 255);
		int offset = integer(request, "offset", 0, Integer.MAX_VALUE, 0);
		int limit = integer(request, "limit", 0, 100, 100);
		if (start == null && end == null) {
			end = this.estate.today();
			start = end.minusDays(DEFAULT_USED_DAYS - 1);
		}
		else if (end == null) {
			end = start.plusDays(DEFAULT_USED_DAYS - 1);
		}
		else if (start == null) {
			start = end.minusDays(DEFAULT_USED_DAYS - 1);
		}
		if (end.isBefore(start)) {
			throw HuaweiApiException.businessRule("end_time must not be earlier than start_time");
		}
		long days = ChronoUnit.DAYS.between(start, end) + 1;
		if (days > MAX_USED_DAYS) {
			throw HuaweiApiException.businessRule("The query period cannot exceed " + MAX_USED_DAYS
					+ " days: start_time " + start + " to end_time " + end + " spans " + days + " days");
		}
		Set<String> ids = new HashSet<>(desktopIds);
		List<HuaweiDesktop> matching = this.estate.desktops()
			.stream()
			.filter((desktop) -> ids.isEmpty() || ids.contains(desktop.id()))
			.filter((desktop) -> userName == null || userName.equals(desktop.userName()))
			.toList();
		boolean hourly = groupBy.equals("HOUR");
		List<DesktopUsedInfo> infos = new ArrayList<>();
		for (HuaweiDesktop desktop : page(matching, offset, limit)) {
			infos.add(new DesktopUsedInfo(desktop.id(), desktop.userName(), usedInfo(desktop, start, end, hourly)));
		}
		return new UsedDesktops(matching.size(), infos);
	}

	private List<UsedInfo> usedInfo(HuaweiDesktop desktop, LocalDate start, LocalDate end, boolean hourly) {
		List<UsedInfo> used = new ArrayList<>();
		for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
			if (hourly) {
				long[] byHour = this.estate.usageSecondsByHour(desktop.id(), day);
				for (int hour = 0; hour < 24; hour++) {
					long seconds = byHour[hour];
					if (seconds > 0) {
						used.add(new UsedInfo(HOUR.format(day.atTime(hour, 0)), hours(seconds)));
					}
				}
			}
			else {
				long seconds = this.estate.usageSeconds(desktop.id(), day);
				if (seconds > 0) {
					used.add(new UsedInfo(day.toString(), hours(seconds)));
				}
			}
		}
		return used;
	}

	/** Formats seconds (whole multiples of 36) as hours with exactly two decimals. */
	static String hours(long seconds) {
		return BigDecimal.valueOf(seconds / HuaweiEstate.USAGE_UNIT_SECONDS, 2).toPlainString();
	}

	static <T> List<T> page(List<T> items, long offset, long limit) {
		if (offset >= items.size()) {
			return List.of();
		}
		return items.subList((int) offset, (int) Math.min(items.size(), offset + limit));
	}

	private static List<String> stringList(JsonNode request, String name, int maxItems, int maxLength) {
		JsonNode node = request.get(name);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray() || node.size() > maxItems) {
			throw HuaweiApiException.invalidParameter(name, "must be an array of at most " + maxItems + " strings");
		}
		List<String> values = new ArrayList<>();
		for (JsonNode item : node) {
			if (!item.isTextual() || item.asText().length() > maxLength) {
				throw HuaweiApiException.invalidParameter(name,
						"every item must be a string of at most " + maxLength + " characters");
			}
			values.add(item.asText());
		}
		return values;
	}

	@Nullable
	private static String text(JsonNode request, String name, int maxLength) {
		JsonNode node = request.get(name);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isTextual() || node.asText().length() > maxLength) {
			throw HuaweiApiException.invalidParameter(name, "must be a string of at most " + maxLength + " characters");
		}
		return node.asText();
	}

	@Nullable
	private static LocalDate date(JsonNode request, String name) {
		String value = text(request, name, 10);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw HuaweiApiException.invalidParameter(name, "must be a UTC date yyyy-MM-dd (got '" + value + "')");
		}
	}

	private static int integer(JsonNode request, String name, int min, int max, int defaultValue) {
		JsonNode node = request.get(name);
		if (node == null || node.isNull()) {
			return defaultValue;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt()) {
			throw HuaweiApiException.invalidParameter(name, "must be an integer between " + min + " and " + max);
		}
		int value = node.intValue();
		if (value < min || value > max) {
			throw HuaweiApiException.invalidParameter(name,
					"must be between " + min + " and " + max + " (got " + value + ")");
		}
		return value;
	}

	/**
	 * Reads a JSON request body.
	 */
	@FunctionalInterface
	interface ObjectReader {

		/**
		 * Reads a body that must be a JSON object.
		 * @param body the body bytes
		 * @return the object
		 * @throws HuaweiApiException if the body is empty or not a JSON object
		 */
		JsonNode read(byte[] body);

	}

	record UnusedDesktops(int totalCount, List<UnusedDesktop> unusedDesktops) {

	}

	record UnusedDesktop(String desktopId, String computeName, String createTime, @Nullable String disconnectTime) {

	}

	record UsedDesktops(int totalCount, List<DesktopUsedInfo> desktopUsedInfoList) {

	}

	record DesktopUsedInfo(String desktopId, @Nullable String desktopUsername, List<UsedInfo> usedInfoList) {

	}

	record UsedInfo(String date, String useTime) {

	}

}
