package io.deskgraph.simulator.alibaba;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.springframework.lang.Nullable;

/**
 * The ECD actions the Alibaba simulator serves, with the name they are called and counted
 * under in {@code /_sim/stats}.
 *
 * @author DeskGraph
 */
public enum AlibabaOperation {

	/** {@code QueryHistoryUsageDurationRank}: usage ranking by desktop and end user. */
	QUERY_HISTORY_USAGE_DURATION_RANK("QueryHistoryUsageDurationRank",
			AlibabaSimulatorProperties.Quotas::queryHistoryUsageDurationRank),

	/** {@code DescribeDesktops}: desktop inventory of one region. */
	DESCRIBE_DESKTOPS("DescribeDesktops", AlibabaSimulatorProperties.Quotas::describeDesktops);

	/** The only API version served. */
	public static final String VERSION = "2020-09-30";

	private final String action;

	private final ToIntFunction<AlibabaSimulatorProperties.Quotas> quota;

	AlibabaOperation(String action, ToIntFunction<AlibabaSimulatorProperties.Quotas> quota) {
		this.action = action;
		this.quota = quota;
	}

	/**
	 * Returns the action name, as sent in {@code x-acs-action} or {@code Action} and
	 * counted in the statistics.
	 * @return the action name
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Returns the per-minute quota of the action.
	 * @param quotas the configured quotas
	 * @return calls allowed per AccessKey per minute
	 */
	public int quota(AlibabaSimulatorProperties.Quotas quotas) {
		return this.quota.applyAsInt(quotas);
	}

	/**
	 * Returns the names of all actions.
	 * @return the action names in declaration order
	 */
	public static List<String> actionNames() {
		List<String> names = new ArrayList<>();
		for (AlibabaOperation operation : values()) {
			names.add(operation.action);
		}
		return names;
	}

	/**
	 * Finds the operation of an action name.
	 * @param action the action name, e.g. {@code DescribeDesktops}
	 * @return the operation, or {@code null} if the simulator does not serve that action
	 */
	@Nullable
	public static AlibabaOperation find(@Nullable String action) {
		for (AlibabaOperation operation : values()) {
			if (operation.action.equals(action)) {
				return operation;
			}
		}
		return null;
	}

}
