package io.deskgraph.simulator.huawei;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.deskgraph.simulator.huawei.HuaweiDesktop.AttachState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.LoginState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;

import org.springframework.lang.Nullable;

/**
 * Answers ListDesktopsDetail ({@code GET /v2/{project_id}/desktops/detail}) from the
 * estate, with the parameter ranges of the vendor's API definition and SDK 3.1.143.
 * <p>
 * {@code desktop_id} (repeated key, at most {@value #MAX_DESKTOP_IDS} ids),
 * {@code status}, {@code user_name} / {@code user_names} (at most
 * {@value #MAX_USER_NAMES}), {@code computer_name} (exact, or a substring with
 * {@code fuzzy_query=true}), {@code desktop_type}, {@code pool_id} (comma-separated),
 * {@code user_attached}, {@code enterprise_project_id}, {@code charge_mode},
 * {@code availability_zone} and {@code in_maintenance_mode} filter; {@code sort_field}
 * ({@code created} or {@code computer_name}) and {@code sort_type} ({@code ASC}, the
 * default, or {@code DESC}) order, the estate's layout order otherwise; {@code offset} (0
 * to 2147483647) and {@code limit} (0 to {@value #MAX_LIMIT}, default
 * {@value #MAX_LIMIT}, the definition's bounds; its text says 0-500, default 500) page,
 * and {@code total_count} counts every desktop the filters match. Filters the estate has
 * nothing for ({@code desktop_ip}, {@code tag}, {@code image_id}, {@code subnet_id},
 * {@code sids}) are accepted and ignored.
 *
 * @author DeskGraph
 */
final class HuaweiDesktopDetails {

	static final int MAX_DESKTOP_IDS = 100;

	static final int MAX_USER_NAMES = 100;

	static final int MAX_LIMIT = 1000;

	private static final List<String> DESKTOP_TYPES = List.of("DEDICATED", "POOLED", "SHARED");

	private final HuaweiEstate estate;

	HuaweiDesktopDetails(HuaweiEstate estate) {
		this.estate = estate;
	}

	DesktopsDetail list(HuaweiQuery query) {
		List<String> desktopIds = query.list("desktop_id");
		if (desktopIds.size() > MAX_DESKTOP_IDS) {
			throw HuaweiApiException.invalidParameter("desktop_id",
					"at most " + MAX_DESKTOP_IDS + " ids (got " + desktopIds.size() + ")");
		}
		for (String id : desktopIds) {
			if (id.length() > 255) {
				throw HuaweiApiException.invalidParameter("desktop_id", "each id has at most 255 characters");
			}
		}
		List<String> userNames = query.list("user_names");
		if (userNames.size() > MAX_USER_NAMES) {
			throw HuaweiApiException.invalidParameter("user_names",
					"at most " + MAX_USER_NAMES + " users (got " + userNames.size() + ")");
		}
		int offset = query.integer("offset", 0, Integer.MAX_VALUE, 0);
		int limit = query.integer("limit", 0, MAX_LIMIT, MAX_LIMIT);
		String status = query.string("status", 0, 255);
		String userName = query.string("user_name", 0, 255);
		String computerName = query.string("computer_name", 0, 255);
		Boolean fuzzy = query.bool("fuzzy_query");
		String desktopType = query.oneOf("desktop_type", DESKTOP_TYPES);
		List<String> poolIds = query.list("pool_id");
		Boolean userAttached = query.bool("user_attached");
		String enterpriseProject = query.string("enterprise_project_id", 0, 36);
		String chargeMode = query.string("charge_mode", 0, 1);
		String zone = query.string("availability_zone", 0, 255);
		Boolean maintenance = query.bool("in_maintenance_mode");
		String sortField = query.oneOf("sort_field", List.of("created", "computer_name"));
		String sortType = query.oneOf("sort_type", List.of("ASC", "DESC"));
		Set<String> ids = new HashSet<>(desktopIds);
		Predicate<HuaweiDesktop> user = (desktop) -> (!userNames.isEmpty()) ? userNames.contains(desktop.userName())
				: userName == null || userName.equals(desktop.userName());
		Predicate<HuaweiDesktop> name = (desktop) -> computerName == null || (Boolean.TRUE.equals(fuzzy)
				? desktop.name().contains(computerName) : desktop.name().equals(computerName));
		List<HuaweiDesktop> matching = new ArrayList<>();
		for (HuaweiDesktop desktop : this.estate.desktops()) {
			HuaweiDesktopProduct product = this.estate.product(desktop.id());
			if ((ids.isEmpty() || ids.contains(desktop.id())) && (status == null || status.equals(status(desktop)))
					&& user.test(desktop) && name.test(desktop)
					&& (desktopType == null || desktopType.equals(desktop.type().name()))
					&& (poolIds.isEmpty() || poolIds.contains(desktop.poolId()))
					&& (userAttached == null || userAttached == (desktop.userName() != null))
					&& (enterpriseProject == null || enterpriseProject.equals(product.enterpriseProjectId()))
					&& (chargeMode == null || chargeMode.equals(product.chargeMode()))
					&& (zone == null || zone.equals(product.availabilityZone())) && !Boolean.TRUE.equals(maintenance)) {
				matching.add(desktop);
			}
		}
		if (sortField != null) {
			Comparator<HuaweiDesktop> order = sortField.equals("created")
					? Comparator.comparing(HuaweiDesktop::createTime) : Comparator.comparing(HuaweiDesktop::name);
			matching.sort("DESC".equals(sortType) ? order.reversed() : order);
		}
		List<DesktopDetail> page = HuaweiUsageReports.page(matching, offset, limit).stream().map(this::detail).toList();
		return new DesktopsDetail(page, matching.size());
	}

	private DesktopDetail detail(HuaweiDesktop desktop) {
		HuaweiDesktopProduct product = this.estate.product(desktop.id());
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("image_name", "Windows-Server-2019-Datacenter");
		metadata.put("metering.resourcespeccode", product.flavorId() + ".win");
		metadata.put("os_bit", "64");
		metadata.put("os_type", "Windows");
		List<String> users = (desktop.userName() != null) ? List.of(desktop.userName()) : List.of();
		List<AttachUserInfo> attached = users.stream().map((name) -> new AttachUserInfo(name, "USER")).toList();
		return new DesktopDetail(desktop.id(), desktop.name(), desktop.name(), users, desktop.type().name(), metadata,
				new Flavor(product.flavorId(), List.of()), status(desktop), "", false,
				HuaweiUsageReports.TIME.format(desktop.createTime()), loginStatus(desktop.loginState()),
				desktop.userName(), attached, product.productId(), product.availabilityZone(), "CENTER",
				new Product(product.productId(), product.flavorId(), "BASE", Integer.toString(product.cpus()),
						Integer.toString(product.memoryGb() * 1024),
						"CPU:" + product.cpus() + "vCPUs,Memory:" + product.memoryGb() + "GB", product.chargeMode(),
						"x86"),
				product.orderId(), List.of(), attachState(desktop.attachState()), product.enterpriseProjectId());
	}

	/** The vendor's {@code status}: SHUTOFF for a stopped desktop. */
	static String status(HuaweiDesktop desktop) {
		return (desktop.runState() == RunState.STOPPED) ? "SHUTOFF" : desktop.runState().name();
	}

	// The documented login_status values; a stopped desktop is unregistered, and one
	// that cannot be connected to has no registered agent either.
	private static String loginStatus(LoginState state) {
		return switch (state) {
			case IN_USE -> "CONNECTED";
			case READY -> "REGISTERED";
			case DISCONNECTED -> "DISCONNECTED";
			case STOPPED, UNREGISTERED, UNABLE_TO_CONNECT -> "UNREGISTER";
		};
	}

	private static String attachState(AttachState state) {
		return switch (state) {
			case ATTACHED -> "ATTACHED";
			case UNATTACHED -> "UNATTACH";
			case ATTACHING -> "ATTACHING";
			case ATTACH_ERROR -> "ATTACHFAIL";
		};
	}

	/** The answer: {@code desktops} and {@code total_count}. */
	record DesktopsDetail(List<DesktopDetail> desktops, int totalCount) {
	}

	/** One {@code DesktopDetailInfo}, with the fields the estate has. */
	record DesktopDetail(String desktopId, String computerName, String osHostName, List<String> userList,
			String desktopType, Map<String, String> metadata, Flavor flavor, String status, String taskStatus,
			boolean inMaintenanceMode, String created, String loginStatus, @Nullable String userName,
			List<AttachUserInfo> attachUserInfos, String productId, String availabilityZone, String siteType,
			Product product, @Nullable String orderId, List<Object> tags, String attachState,
			String enterpriseProjectId) {
	}

	/** {@code FlavorInfo}. */
	record Flavor(String id, List<Object> links) {
	}

	/** {@code AttachInstancesUserInfo}. */
	record AttachUserInfo(String userName, String type) {
	}

	/** {@code ProductInfo}; cpu and memory are strings, as the SDK's model declares. */
	record Product(String productId, String flavorId, String type, String cpu, String memory, String descriptions,
			String chargeMode, String architecture) {
	}

}
