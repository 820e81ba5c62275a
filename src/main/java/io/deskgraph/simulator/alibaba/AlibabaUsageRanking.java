package io.deskgraph.simulator.alibaba;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * Serves {@code QueryHistoryUsageDurationRank}: usage per desktop and end user over a
 * window of days, longest first, paged with {@code NextToken}.
 * <p>
 * Rules, where the vendor documents them, and choices, where it does not:
 * <ul>
 * <li>{@code StartDate} and {@code EndDate} are days of the estate's day zone
 * ({@code yyyy-MM-dd}), both no earlier than 90 days before today and not in the future;
 * {@code EndDate} must not be before {@code StartDate}. An omitted {@code EndDate} means
 * today (partial: whole hours so far), an omitted {@code StartDate} means six days before
 * {@code EndDate} (a seven-day window, cut at the 90-day limit).</li>
 * <li>{@code Limit} defaults to 5 and must be between 1 and 200.</li>
 * <li>{@code BizType} is optional: {@code 1} (enterprise desktops, the whole simulated
 * estate) or {@code 2} (other business channels, which the estate has none of, so the
 * ranking is empty); anything else is refused with {@code InvalidParameter.BizType}.</li>
 * <li>The first page fixes the window and the moment the ranking is computed at; the
 * {@code NextToken} carries both, so later pages continue exactly that ranking even
 * across midnight or the turn of an hour.</li>
 * </ul>
 *
 * @author DeskGraph
 */
final class AlibabaUsageRanking {

	/** The oldest day that can be queried, in days before today. */
	static final int WINDOW_DAYS = 90;

	/** The page size when {@code Limit} is omitted. */
	static final int DEFAULT_LIMIT = 5;

	/** The largest page size. */
	static final int MAX_LIMIT = 200;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final int CACHED_RANKINGS = 32;

	private final AlibabaEstate estate;

	private final AlibabaNextTokens tokens;

	// Rankings only change when the hour turns, so pages of one drain and repeated
	// queries share one computation.
	private final Map<List<Long>, List<AlibabaUsageRow>> cache = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<List<Long>, List<AlibabaUsageRow>> eldest) {
			return size() > CACHED_RANKINGS;
		}

	};

	AlibabaUsageRanking(AlibabaEstate estate, AlibabaNextTokens tokens) {
		this.estate = estate;
		this.tokens = tokens;
	}

	Map<String, Object> query(AlibabaParameters parameters) {
		int limit = parameters.integer("Limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
		String bizType = parameters.get("BizType");
		boolean enterprise = checkBizType(bizType);
		String startDate = parameters.get("StartDate");
		String endDate = parameters.get("EndDate");
		long fingerprint = AlibabaNextTokens.fingerprint(startDate, endDate, bizType);
		String nextToken = parameters.get("NextToken");
		AlibabaNextTokens.Position position;
		if (nextToken != null) {
			position = this.tokens.decode(nextToken, AlibabaOperation.QUERY_HISTORY_USAGE_DURATION_RANK, fingerprint);
		}
		else {
			LocalDate today = this.estate.today();
			LocalDate earliest = today.minusDays(WINDOW_DAYS);
			LocalDate end = (endDate != null) ? checkDay("EndDate", endDate, earliest, today) : today;
			LocalDate start = (startDate != null) ? checkDay("StartDate", startDate, earliest, today)
					: max(end.minusDays(6), earliest);
			if (end.isBefore(start)) {
				throw AlibabaApiException.invalidParameter("EndDate",
						"The specified EndDate " + end + " is earlier than the StartDate " + start + ".");
			}
			// Usage of the current day counts whole hours, so the start of the hour is as
			// good as now.
			long hour = Math.floorDiv(this.estate.clock().instant().getEpochSecond(), 3600) * 3600;
			position = new AlibabaNextTokens.Position(fingerprint, 0, hour, start.toEpochDay(), end.toEpochDay());
		}
		List<AlibabaUsageRow> rows = enterprise ? ranking(position) : List.of();
		int from = Math.min(position.offset(), rows.size());
		int to = Math.min(from + limit, rows.size());
		List<Map<String, Object>> page = new ArrayList<>();
		for (AlibabaUsageRow row : rows.subList(from, to)) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("EndUserId", row.endUserId());
			item.put("DesktopId", row.desktopId());
			item.put("DesktopName", row.desktopName());
			item.put("ChargeType", row.chargeType());
			item.put("UsageDuration", row.usageDuration());
			item.put("RegionId", row.regionId());
			page.add(item);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("TotalCount", rows.size());
		if (to < rows.size()) {
			answer.put("NextToken",
					this.tokens.encode(AlibabaOperation.QUERY_HISTORY_USAGE_DURATION_RANK,
							new AlibabaNextTokens.Position(fingerprint, to, position.asOfEpochSecond(),
									position.startDay(), position.endDay())));
		}
		answer.put("UsageDurationList", page);
		return answer;
	}

	private List<AlibabaUsageRow> ranking(AlibabaNextTokens.Position position) {
		List<Long> key = List.of(position.startDay(), position.endDay(), position.asOfEpochSecond());
		synchronized (this.cache) {
			List<AlibabaUsageRow> cached = this.cache.get(key);
			if (cached != null) {
				return cached;
			}
		}
		List<AlibabaUsageRow> rows = this.estate.usageRanking(LocalDate.ofEpochDay(position.startDay()),
				LocalDate.ofEpochDay(position.endDay()), Instant.ofEpochSecond(position.asOfEpochSecond()));
		synchronized (this.cache) {
			this.cache.put(key, rows);
		}
		return rows;
	}

	private static boolean checkBizType(@Nullable String bizType) {
		if (bizType == null || bizType.equals("1")) {
			return true;
		}
		if (bizType.equals("2")) {
			return false;
		}
		throw AlibabaApiException.invalidParameter("BizType",
				"The specified BizType " + bizType + " is not valid: it must be 1 or 2.");
	}

	private static LocalDate checkDay(String name, String value, LocalDate earliest, LocalDate today) {
		LocalDate day;
		try {
			day = LocalDate.parse(value, DATE);
		}
		catch (DateTimeParseException ex) {
			throw AlibabaApiException.invalidParameter(name,
					"The specified " + name + " " + value + " is not a valid date in yyyy-MM-dd format.");
		}
		if (day.isBefore(earliest)) {
			throw AlibabaApiException.invalidParameter(name,
					"The specified " + name + " " + value + " is out of range: only the last " + WINDOW_DAYS
							+ " days can be queried (from " + earliest + ").");
		}
		if (day.isAfter(today)) {
			throw AlibabaApiException.invalidParameter(name,
					"The specified " + name + " " + value + " is in the future (today is " + today + ").");
		}
		return day;
	}

	private static LocalDate max(LocalDate first, LocalDate second) {
		return first.isAfter(second) ? first : second;
	}

}
