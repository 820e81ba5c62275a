package io.deskgraph.simulator.huawei;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.deskgraph.simulator.huawei.HuaweiDesktop.AttachState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.DesktopType;
import io.deskgraph.simulator.huawei.HuaweiDesktop.LoginState;
import io.deskgraph.simulator.huawei.HuaweiDesktop.RunState;

import org.springframework.lang.Nullable;

/**
 * Answers ListDesktopsStatistics ({@code GET /v2/{project_id}/statistics}) by counting
 * the estate's desktops by state.
 * <p>
 * {@code desktop_pool_ids} restricts the count to the desktops of those pools.
 * {@code desktop_pool_statistics} lists every selected pool only when
 * {@code desktop_type} names {@code POOLED}, as the vendor documents it (not when it is
 * empty); the breakdowns appear only for the requested {@code statistics_type} values, at
 * the top level and per pool alike.
 *
 * @author DeskGraph
 */
final class HuaweiDesktopStatistics {

	private static final List<String> DESKTOP_TYPES = List.of("DEDICATED", "POOLED");

	private static final List<String> STATISTICS_TYPES = List.of("attach-state", "login-state", "run-state");

	private final HuaweiEstate estate;

	HuaweiDesktopStatistics(HuaweiEstate estate) {
		this.estate = estate;
	}

	Statistics list(HuaweiQuery query) {
		List<String> types = query.list("desktop_type");
		types.forEach((type) -> HuaweiQuery.checkOneOf("desktop_type", type, DESKTOP_TYPES));
		List<String> statisticsTypes = query.list("statistics_type");
		statisticsTypes.forEach((type) -> HuaweiQuery.checkOneOf("statistics_type", type, STATISTICS_TYPES));
		List<String> poolIds = query.list("desktop_pool_ids");
		Predicate<HuaweiDesktop> selected = (desktop) -> (types.isEmpty() || types.contains(desktop.type().name()))
				&& (poolIds.isEmpty() || (desktop.poolId() != null && poolIds.contains(desktop.poolId())));
		List<HuaweiDesktop> desktops = this.estate.desktops().stream().filter(selected).toList();
		List<PoolStatistics> pools = null;
		// "There is a response when desktop_type is set to POOL" (the vendor's page):
		// asked
		// for pooled desktops, not for all of them.
		if (types.contains(DesktopType.POOLED.name())) {
			pools = new ArrayList<>();
			for (HuaweiPool pool : this.estate.pools()) {
				if (poolIds.isEmpty() || poolIds.contains(pool.id())) {
					List<HuaweiDesktop> inPool = desktops.stream()
						.filter((desktop) -> pool.id().equals(desktop.poolId()))
						.toList();
					pools.add(new PoolStatistics(pool.id(), pool.name(), inPool.size(), attach(statisticsTypes, inPool),
							run(statisticsTypes, inPool), login(statisticsTypes, inPool)));
				}
			}
		}
		return new Statistics(desktops.size(), attach(statisticsTypes, desktops), run(statisticsTypes, desktops),
				login(statisticsTypes, desktops), pools);
	}

	@Nullable
	private static AttachStatistics attach(List<String> statisticsTypes, List<HuaweiDesktop> desktops) {
		if (!statisticsTypes.contains("attach-state")) {
			return null;
		}
		return new AttachStatistics(count(desktops, AttachState.ATTACHED), count(desktops, AttachState.UNATTACHED),
				count(desktops, AttachState.ATTACHING), count(desktops, AttachState.ATTACH_ERROR));
	}

	@Nullable
	private static RunStatistics run(List<String> statisticsTypes, List<HuaweiDesktop> desktops) {
		if (!statisticsTypes.contains("run-state")) {
			return null;
		}
		return new RunStatistics(count(desktops, RunState.STOPPED), count(desktops, RunState.ACTIVE),
				count(desktops, RunState.ERROR), count(desktops, RunState.HIBERNATED));
	}

	@Nullable
	private static LoginStatistics login(List<String> statisticsTypes, List<HuaweiDesktop> desktops) {
		if (!statisticsTypes.contains("login-state")) {
			return null;
		}
		return new LoginStatistics(count(desktops, LoginState.IN_USE), count(desktops, LoginState.STOPPED),
				count(desktops, LoginState.UNREGISTERED), count(desktops, LoginState.UNABLE_TO_CONNECT),
				count(desktops, LoginState.READY), count(desktops, LoginState.DISCONNECTED));
	}

	private static int count(List<HuaweiDesktop> desktops, Enum<?> state) {
		int count = 0;
		for (HuaweiDesktop desktop : desktops) {
			if (desktop.attachState() == state || desktop.runState() == state || desktop.loginState() == state) {
				count++;
			}
		}
		return count;
	}

	record Statistics(int totalNum, @Nullable AttachStatistics attachStatistics,
			@Nullable RunStatistics runStateStatistics, @Nullable LoginStatistics loginStateStatistics,
			@Nullable List<PoolStatistics> desktopPoolStatistics) {

	}

	record PoolStatistics(String desktopPoolId, String desktopPoolName, int totalNum,
			@Nullable AttachStatistics attachStatistics, @Nullable RunStatistics runStateStatistics,
			@Nullable LoginStatistics loginStateStatistics) {

	}

	record AttachStatistics(int attachedNum, int unattachedNum, int attachingNum, int attachErrorNum) {

	}

	record RunStatistics(int stopNum, int activeNum, int errorNum, int hibernatedNum) {

	}

	record LoginStatistics(int inUseNum, int stopNum, int unregisteredNum, int unableToConnectNum, int readyNum,
			int disconnectedNum) {

	}

}
