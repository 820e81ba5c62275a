package io.deskgraph.simulator.alibaba;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.lang.Nullable;

/**
 * Serves {@code DescribeDesktops}: the desktops of one region, filtered and paged.
 * <p>
 * {@code RegionId} is required; a region of the estate or another real ECD region (which
 * has no desktops here) is accepted, anything else is {@code InvalidRegionId.NotFound}.
 * Filters: {@code DesktopId.N} and {@code EndUserId.N} (at most 100 each; a desktop
 * matches if it has any of the end users), {@code DesktopName} (substring),
 * {@code DesktopStatus} and {@code DesktopStatusList.N}, {@code OfficeSiteId},
 * {@code ChargeType} ({@code PrePaid} or {@code PostPaid}). Paging is by
 * {@code MaxResults} (default 10, 1 to 100) and {@code NextToken}, or, when neither is
 * sent, by {@code PageNumber} (default 1) and {@code PageSize} (default 10, 1 to 100) if
 * either of those is. Desktops are listed newest first (creation time descending, then
 * id).
 *
 * @author DeskGraph
 */
final class AlibabaDesktopInventory {

	/** The page size when none is given. */
	static final int DEFAULT_PAGE_SIZE = 10;

	/** The largest page size. */
	static final int MAX_PAGE_SIZE = 100;

	/** ECD regions that exist but hold no simulated desktops. */
	static final Set<String> OTHER_REGIONS = Set.of("cn-shenzhen", "cn-chengdu", "cn-hongkong", "ap-southeast-1",
			"ap-northeast-1", "ap-southeast-5", "eu-central-1", "us-west-1", "us-east-1", "ap-south-1");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Comparator<AlibabaDesktop> NEWEST_FIRST = Comparator.comparing(AlibabaDesktop::creationTime)
		.reversed()
		.thenComparing(AlibabaDesktop::desktopId);

	private final AlibabaEstate estate;

	private final AlibabaNextTokens tokens;

	AlibabaDesktopInventory(AlibabaEstate estate, AlibabaNextTokens tokens) {
		this.estate = estate;
		this.tokens = tokens;
	}

	Map<String, Object> describe(AlibabaParameters parameters) {
		String regionId = parameters.get("RegionId");
		if (regionId == null) {
			throw AlibabaApiException.missingRegionId();
		}
		if (!this.estate.regions().contains(regionId) && !OTHER_REGIONS.contains(regionId)) {
			throw AlibabaApiException.regionNotFound(regionId);
		}
		Set<String> desktopIds = new TreeSet<>(parameters.list("DesktopId", MAX_PAGE_SIZE));
		Set<String> endUserIds = new TreeSet<>(parameters.list("EndUserId", MAX_PAGE_SIZE));
		Set<String> statuses = new TreeSet<>(parameters.list("DesktopStatusList", MAX_PAGE_SIZE));
		String status = parameters.get("DesktopStatus");
		if (status != null) {
			statuses.add(status);
		}
		for (String value : statuses) {
			if (!AlibabaEstate.DESKTOP_STATUSES.contains(value)) {
				throw AlibabaApiException.invalidParameter("DesktopStatus", "The specified DesktopStatus " + value
						+ " is not valid: use one of " + String.join(", ", AlibabaEstate.DESKTOP_STATUSES) + ".");
			}
		}
		String chargeType = parameters.get("ChargeType");
		if (chargeType != null && !chargeType.equals("PrePaid") && !chargeType.equals("PostPaid")) {
			throw AlibabaApiException.invalidParameter("ChargeType",
					"The specified ChargeType " + chargeType + " is not valid: use PrePaid or PostPaid.");
		}
		String desktopName = parameters.get("DesktopName");
		String officeSiteId = parameters.get("OfficeSiteId");
		List<AlibabaDesktop> matching = new ArrayList<>();
		for (AlibabaDesktop desktop : this.estate.desktops(regionId)) {
			if (matches(desktop, desktopIds, endUserIds, statuses, desktopName, officeSiteId, chargeType)) {
				matching.add(desktop);
			}
		}
		matching.sort(NEWEST_FIRST);
		long fingerprint = AlibabaNextTokens.fingerprint(regionId, String.join(",", desktopIds),
				String.join(",", endUserIds), String.join(",", statuses), desktopName, officeSiteId, chargeType);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("TotalCount", matching.size());
		String nextToken = parameters.get("NextToken");
		boolean pageMode = nextToken == null && parameters.get("MaxResults") == null
				&& (parameters.get("PageNumber") != null || parameters.get("PageSize") != null);
		int from;
		int to;
		if (pageMode) {
			int pageSize = parameters.integer("PageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
			int pageNumber = parameters.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
			from = (int) Math.min((long) (pageNumber - 1) * pageSize, matching.size());
			to = Math.min(from + pageSize, matching.size());
			answer.put("PageNumber", pageNumber);
			answer.put("PageSize", pageSize);
		}
		else {
			int maxResults = parameters.integer("MaxResults", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
			from = (nextToken != null)
					? Math.min(this.tokens.decode(nextToken, AlibabaOperation.DESCRIBE_DESKTOPS, fingerprint).offset(),
							matching.size())
					: 0;
			to = Math.min(from + maxResults, matching.size());
			if (to < matching.size()) {
				answer.put("NextToken", this.tokens.encode(AlibabaOperation.DESCRIBE_DESKTOPS,
						new AlibabaNextTokens.Position(fingerprint, to, 0, 0, 0)));
			}
		}
		List<Map<String, Object>> desktops = new ArrayList<>();
		for (AlibabaDesktop desktop : matching.subList(from, to)) {
			desktops.add(item(desktop));
		}
		answer.put("Desktops", desktops);
		return answer;
	}

	private static boolean matches(AlibabaDesktop desktop, Set<String> desktopIds, Set<String> endUserIds,
			Set<String> statuses, @Nullable String desktopName, @Nullable String officeSiteId,
			@Nullable String chargeType) {
		if (!desktopIds.isEmpty() && !desktopIds.contains(desktop.desktopId())) {
			return false;
		}
		if (!endUserIds.isEmpty() && !new HashSet<>(desktop.endUserIds()).removeAll(endUserIds)) {
			return false;
		}
		if (!statuses.isEmpty() && !statuses.contains(desktop.desktopStatus())) {
			return false;
		}
		if (desktopName != null && !desktop.desktopName().contains(desktopName)) {
			return false;
		}
		if (officeSiteId != null && !officeSiteId.equals(desktop.officeSiteId())) {
			return false;
		}
		return chargeType == null || chargeType.equals(desktop.chargeType());
	}

	private static Map<String, Object> item(AlibabaDesktop desktop) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("DesktopId", desktop.desktopId());
		item.put("DesktopName", desktop.desktopName());
		item.put("DesktopStatus", desktop.desktopStatus());
		item.put("ConnectionStatus", desktop.connectionStatus());
		item.put("ChargeType", desktop.chargeType());
		item.put("EndUserIds", desktop.endUserIds());
		item.put("OfficeSiteId", desktop.officeSiteId());
		item.put("OfficeSiteName", desktop.officeSiteName());
		item.put("DirectoryId", desktop.officeSiteId());
		item.put("OsType", desktop.osType());
		item.put("Platform", desktop.osType().equals("Windows") ? "Windows Server 2019" : "Ubuntu");
		item.put("DesktopType", desktop.desktopType());
		item.put("Cpu", desktop.cpu());
		item.put("Memory", desktop.memory());
		item.put("RegionId", desktop.regionId());
		item.put("CreationTime", MINUTES.format(desktop.creationTime()));
		item.put("ExpiredTime", MINUTES.format(desktop.expiredTime()));
		item.put("ProtocolType", "ASP");
		item.put("ZoneType", "AvailabilityZone");
		item.put("SupportHibernation", true);
		return item;
	}

}
